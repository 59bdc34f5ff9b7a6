#!/bin/bash
# run-cases.sh CONF CASES_DIR [--gen] [NAME-REGEX]
#
# Each case is a directory under CASES_DIR holding a Kconfig tree and:
#   args     conf's arguments (default: --olddefconfig Kconfig)
#   env      optional KEY=VALUE lines added to a minimal environment
#   config   optional starting .config
#   stdin    optional standard input
#   files    optional list of extra output files to compare (default: none)
# and the expected results expected_rc, expected_stdout, expected_stderr,
# expected_config (the .config written, if any) and expected_<file> for each
# entry of `files` (slashes turned into '_').
#
# With --gen the expected_* files are (re)written from CONF instead of compared:
# use the kernel's own conf for cases the kernel supports, so the expectations
# are the kernel's behaviour, not ours.
#
# A NAME-REGEX that matches no case is an error (exit status 2).
set -eu -o pipefail

usage() {
	echo "usage: $0 CONF CASES_DIR [--gen] [NAME-REGEX]" >&2
	exit 2
}
[ $# -ge 2 ] || usage
conf=$(readlink -f "$1")
cases=$(readlink -f "$2")
shift 2
gen=0
filter=.
while [ $# -gt 0 ]; do
	case $1 in
	--gen) gen=1 ;;
	*) filter=$1 ;;
	esac
	shift
done

pass=0
fail=0
ran=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for dir in "$cases"/*/; do
	name=$(basename "$dir")
	[[ $name =~ $filter ]] || continue
	ran=$((ran + 1))
	work=$tmp/$name
	rm -rf "$work"
	cp -R "$dir" "$work"
	rm -f "$work"/expected_*
	[ -f "$work/config" ] && cp "$work/config" "$work/.config"
	args="--olddefconfig Kconfig"
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	envs=(PATH=/usr/bin:/bin LC_ALL=C)
	if [ -f "$dir/env" ]; then
		while IFS= read -r line; do
			[ -n "$line" ] && envs+=("$line")
		done <"$dir/env"
	fi
	input=/dev/null
	[ -f "$dir/stdin" ] && input=$dir/stdin
	# shellcheck disable=SC2086 # args is a word list on purpose
	(cd "$work" && env -i "${envs[@]}" "$conf" $args <"$input" >"$work/.out" 2>"$work/.err"
	 echo $? >"$work/.rc") || true

	outputs=(".rc:expected_rc" ".out:expected_stdout" ".err:expected_stderr" ".config:expected_config")
	if [ -f "$dir/files" ]; then
		while IFS= read -r f; do
			[ -n "$f" ] && outputs+=("$f:expected_${f//\//_}")
		done <"$dir/files"
	fi
	ok=1
	for pair in "${outputs[@]}"; do
		got=$work/${pair%%:*}
		want=$dir/${pair#*:}
		if [ $gen = 1 ]; then
			if [ -f "$got" ]; then cp "$got" "$want"; else rm -f "$want"; fi
			continue
		fi
		if [ -f "$want" ] && ! cmp -s "$got" "$want"; then
			[ $ok = 1 ] && echo "FAIL $name"
			ok=0
			echo "  ${pair#*:} differs (--- expected, +++ got):"
			diff -u "$want" "$got" 2>&1 | sed -n '3,20p' | sed 's/^/    /' || true
		elif [ ! -f "$want" ] && [ "${pair%%:*}" = .config ] && [ -f "$got" ]; then
			[ $ok = 1 ] && echo "FAIL $name"
			ok=0
			echo "  .config written but none expected"
		fi
	done
	if [ $gen = 1 ]; then
		echo "generated $name"
	elif [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
if [ $ran = 0 ]; then
	echo "ERROR: no case in $cases matches '$filter'" >&2
	echo "0 passed, 1 failed"
	exit 2
fi
[ $gen = 1 ] && exit 0
echo "$pass passed, $fail failed"
[ $fail = 0 ]
