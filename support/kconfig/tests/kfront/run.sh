#!/bin/bash
# The tools installed under kconfig-frontends' names, on a small tree in that project's
# conventions (tree/), compared with what kconfig-frontends 4.11 writes (expected/).
#
#   run.sh PREFIX             test PREFIX/bin/kconfig-* (installed by `make install`)
#   run.sh --record BINDIR    rewrite expected/ from BINDIR/kconfig-* (kconfig-frontends
#                             4.11 as Debian 12 packages it: BINDIR=/usr/bin)
#
# When kconfig-frontends 4.11 is installed in /usr/bin, the scenario is also run with it
# and its output must still equal expected/.
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
fail=0

die() {
	echo "FAIL: $*" >&2
	exit 1
}

# scenario BINDIR OUT: every step's files and output land in OUT/<step>.<what>
scenario() {
	local bin=$1 out=$2 work
	work=$(mktemp -d "${TMPDIR:-/tmp}/kfront-test.XXXXXX")
	mkdir -p "$out"
	cp -r "$here/tree/." "$work/"
	# kconfig-frontends 4.11 does not create these itself
	mkdir -p "$work/include/config" "$work/include/generated"
	(
		cd "$work"
		export PATH="$bin:$PATH" SRCARCH=x86 ARCH=x86
		unset KCONFIG_CONFIG CONFIG_ srctree MAKEFLAGS MAKELEVEL MFLAGS
		step() { # step NAME COMMAND...: its output and exit status
			local name=$1 rc=0
			shift
			"$@" >"$out/$name.out" 2>&1 || rc=$?
			echo "exit $rc" >>"$out/$name.out"
		}

		# no .config: --olddefconfig starts from the first defconfig_list file found
		step 01-olddefconfig kconfig-conf --olddefconfig Kconfig
		cp .config "$out/01-olddefconfig.config"

		# --defconfig with no file: arch/$ARCH/defconfig
		step 02-defconfig kconfig-conf --defconfig Kconfig
		cp .config "$out/02-defconfig.config"
		cp .config start.config
		step 03-savedefconfig kconfig-conf --savedefconfig=saved.config Kconfig
		cp saved.config "$out/03-savedefconfig.config"

		step 04-tweak kconfig-tweak --enable smp --disable FOO --set-str NAME 'hello "world"' \
			--set-val COUNT 7 --module CONFIG_BAR --undefine ADDR --enable-after SMP NEW_SYM
		cp .config "$out/04-tweak.config"
		step 05-state kconfig-tweak -s NAME -s BAR -s SMP -s COUNT -s FOO -s NOPE
		step 06-olddefconfig kconfig-conf --olddefconfig Kconfig
		cp .config "$out/06-olddefconfig.config"

		step 07-diff kconfig-diff start.config .config
		step 08-diff-merge kconfig-diff -m start.config .config
		step 09-diff-default kconfig-diff

		step 10-silentoldconfig kconfig-conf --silentoldconfig Kconfig
		cp include/config/auto.conf "$out/10-auto.conf"
		cp include/config/auto.conf.cmd "$out/10-auto.conf.cmd"
		cp include/config/tristate.conf "$out/10-tristate.conf"
		cp include/generated/autoconf.h "$out/10-autoconf.h"
		find include -type f | LC_ALL=C sort >"$out/10-files"

		step 11-merge kconfig-merge -m start.config fragment1.config fragment2.config
		cp .config "$out/11-merge.config"
		rm .config
		step 12-merge-make kconfig-merge start.config fragment1.config fragment2.config
		cp .config "$out/12-merge-make.config"

		# another prefix, as Buildroot-like trees use
		sed 's/CONFIG_/BR2_/' arch/x86/defconfig >br2.defconfig
		step 13-prefix env CONFIG_=BR2_ kconfig-conf --defconfig=br2.defconfig Kconfig
		cp .config "$out/13-prefix.config"
		cp .config br2-start.config
		step 14-prefix-tweak env CONFIG_=BR2_ kconfig-tweak --enable ZLIB --set-val BR2_NR_CPUS 4
		step 15-prefix-old env CONFIG_=BR2_ kconfig-conf --olddefconfig Kconfig
		cp .config "$out/15-prefix-old.config"
		# (kconfig-frontends' kconfig-diff knows CONFIG_ only: see below)

		# the language: $(...) is text, `option` warnings, an undefined environment
		# variable, no macro or variable assignments, errors and their lines
		unset UNSET_VAR_XYZ NOPE
		for k in lang/*.Kconfig; do
			n=$(basename "$k" .Kconfig)
			step "17-lang-$n" env KCONFIG_CONFIG="$n.config" kconfig-conf --olddefconfig "$k"
			if [ -f "$n.config" ]; then cp "$n.config" "$out/17-lang-$n.config"; fi
		done
	)
	rm -rf "$work"
}

if [ "${1-}" = --record ]; then
	[ $# -eq 2 ] || die "usage: $0 --record BINDIR"
	rm -rf "$here/expected"
	scenario "$2" "$here/expected"
	echo "recorded $here/expected from $2"
	exit 0
fi
[ $# -eq 1 ] || die "usage: $0 PREFIX"
prefix=$1
for t in kconfig-conf kconfig-mconf kconfig-merge kconfig-diff kconfig-tweak; do
	[ -x "$prefix/bin/$t" ] || die "$prefix/bin/$t is not installed"
	[ -f "$prefix/share/man/man1/$t.1" ] || die "$prefix/share/man/man1/$t.1 is not installed"
	warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$prefix/share/man/man1/$t.1" 2>&1)
	[ -z "$warnings" ] || die "$t.1: $warnings"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kfront-out.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

scenario "$prefix/bin" "$tmp/ours"
if diff -r "$here/expected" "$tmp/ours"; then
	echo "ok: the kconfig-frontends names give what kconfig-frontends 4.11 gives ($(find "$tmp/ours" -type f | wc -l) files)"
else
	echo "FAIL: the kconfig-frontends names differ from kconfig-frontends 4.11 (above: expected, ours)"
	fail=1
fi

# the reference itself, when it is here: expected/ must still be its output
if [ -x /usr/bin/kconfig-conf ] &&
	dpkg-query -W -f='${Version}' kconfig-frontends 2>/dev/null | grep -q '^4\.11'; then
	scenario /usr/bin "$tmp/ref"
	if diff -r "$here/expected" "$tmp/ref" >/dev/null; then
		echo "ok: expected/ is what the installed kconfig-frontends 4.11 writes"
	else
		diff -r "$here/expected" "$tmp/ref" || true
		echo "FAIL: expected/ is no longer what kconfig-frontends 4.11 writes"
		fail=1
	fi
fi

# kconfig-diff with another prefix: the same answer as with CONFIG_ on the same files
o=$tmp/ours
for f in 13-prefix 15-prefix-old; do sed 's/BR2_/CONFIG_/g' "$o/$f.config" >"$tmp/$f.c.config"; done
for m in "" -m; do
	CONFIG_=BR2_ "$prefix/bin/kconfig-diff" $m "$o/13-prefix.config" "$o/15-prefix-old.config" \
		>"$tmp/br2.diff"
	"$prefix/bin/kconfig-diff" $m "$tmp/13-prefix.c.config" "$tmp/15-prefix-old.c.config" |
		sed 's/CONFIG_/BR2_/g' >"$tmp/config.diff"
	if [ ! -s "$tmp/br2.diff" ] || ! diff "$tmp/config.diff" "$tmp/br2.diff"; then
		echo "FAIL: kconfig-diff${m:+ $m} with CONFIG_=BR2_ (empty, or not the CONFIG_ answer)"
		fail=1
	else
		echo "ok: kconfig-diff${m:+ $m} with CONFIG_=BR2_ gives the CONFIG_ answer"
	fi
done

# kconfig-merge with another prefix: the same merge as with CONFIG_
mkdir "$tmp/merge-br2" "$tmp/merge-config"
for f in start.config fragment1.config fragment2.config; do
	src=$here/tree/$f
	[ "$f" = start.config ] && src=$o/02-defconfig.config
	sed 's/CONFIG_/BR2_/g' "$src" >"$tmp/merge-br2/$f"
	cp "$src" "$tmp/merge-config/$f"
done
(cd "$tmp/merge-br2" && CONFIG_=BR2_ "$prefix/bin/kconfig-merge" -m start.config \
	fragment1.config fragment2.config >out)
(cd "$tmp/merge-config" && "$prefix/bin/kconfig-merge" -m start.config \
	fragment1.config fragment2.config >out)
if ! grep -q '^BR2_ZLIB=y$' "$tmp/merge-br2/.config" ||
	! diff <(sed 's/CONFIG_/BR2_/g' "$tmp/merge-config/.config") "$tmp/merge-br2/.config" ||
	! diff <(sed 's/CONFIG_/BR2_/g' "$tmp/merge-config/out") "$tmp/merge-br2/out"; then
	echo "FAIL: kconfig-merge -m with CONFIG_=BR2_ is not the CONFIG_ merge"
	fail=1
else
	echo "ok: kconfig-merge -m with CONFIG_=BR2_ gives the CONFIG_ merge"
fi

# an `option` without what it needs: an error naming the line (4.11 crashes on
# `option env` without a value)
printf 'config A\n\tbool "a"\n\toption env\n' >"$tmp/env.Kconfig"
if (cd "$tmp" && KCONFIG_CONFIG=/dev/null "$prefix/bin/kconfig-conf" --listnewconfig \
	env.Kconfig >"$tmp/env.out" 2>&1) ||
	! grep -qF 'env.Kconfig:3: option env needs the name of a variable' "$tmp/env.out"; then
	cat "$tmp/env.out"
	echo "FAIL: \`option env\` without a variable is not an error naming its line"
	fail=1
else
	echo "ok: \`option env\` without a variable: $(head -1 "$tmp/env.out")"
fi

# kconfig-mconf in a terminal (tmux): the pre-4.18 tree, no .config, save on leaving;
# what it saves is what kconfig-frontends 4.11's conf writes from the same start
mconf_test() {
	local dir=$tmp/mconf sock=kfront-mconf-$$ shown=""
	tm() { tmux -u -L "$sock" -f /dev/null "$@"; }
	cp -r "$here/tree" "$dir"
	(
		unset TMUX
		tm new-session -d -s m -x 80 -y 24 -c "$dir" \
			"env TERM=screen-256color LC_ALL=C.UTF-8 SRCARCH=x86 ARCH=x86 \
			 '$prefix/bin/kconfig-mconf' Kconfig 2>'$dir/stderr'; echo \"mconf-exit=\$?\"; sleep 60"
		for _ in $(seq 100); do
			shown=$(tm capture-pane -p -t m)
			grep -qF "Loadable modules" <<<"$shown" && break
			sleep 0.1
		done
		grep -qF "Demo x86 configuration" <<<"$shown" || { echo "$shown"; exit 1; }
		tm send-keys -t m Escape Escape
		for _ in $(seq 100); do
			grep -qF "save your new configuration" <<<"$(tm capture-pane -p -t m)" && break
			sleep 0.1
		done
		tm send-keys -t m Enter
		for _ in $(seq 100); do
			shown=$(tm capture-pane -p -t m)
			grep -qF "mconf-exit=" <<<"$shown" && break
			sleep 0.1
		done
		tm kill-server
		grep -qF "mconf-exit=0" <<<"$shown" || { echo "$shown"; cat "$dir/stderr"; exit 1; }
	)
}
if ! command -v tmux >/dev/null; then
	echo "FAIL: kconfig-mconf not tested: tmux is needed (apt-get install tmux)"
	fail=1
elif ! mconf_test; then
	echo "FAIL: kconfig-mconf did not show the tree's menu and save on leaving (screen above)"
	fail=1
elif ! diff "$here/expected/01-olddefconfig.config" "$tmp/mconf/.config"; then
	echo "FAIL: kconfig-mconf saved another .config than kconfig-frontends 4.11's conf"
	fail=1
else
	echo "ok: kconfig-mconf shows \"Demo x86 configuration\" and saves 4.11's .config"
fi

# under our own name the same program keeps the language of Linux 6.1: no `option`
ln -s "$prefix/bin/kconfig-conf" "$tmp/conf"
if (cd "$here/tree" && SRCARCH=x86 ARCH=x86 KCONFIG_CONFIG=/dev/null "$tmp/conf" \
	--listnewconfig Kconfig >"$tmp/conf.out" 2>&1); then
	echo "FAIL: conf (our name) accepted the kconfig-frontends language"
	fail=1
elif ! grep -q 'Kconfig:.*option' "$tmp/conf.out"; then
	cat "$tmp/conf.out"
	echo "FAIL: conf (our name) did not name the \`option\` line"
	fail=1
else
	echo "ok: conf (our name) rejects \`option\`: $(grep -m1 option "$tmp/conf.out")"
fi
exit $fail
