# shellcheck shell=bash
# Framework tests: shellcheck and Python syntax of the scripts.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

test_scripts_are_clean() {
	command -v shellcheck >/dev/null || { fail "shellcheck is not installed (apt-get install shellcheck)"; return; }
	local f bad=0
	for f in "$TOP"/support/scripts/* "$TOP"/support/testing/framework/run-tests "$TOP"/support/testing/reproducible/* \
		"$TOP"/support/testing/external-tree/board/*/*.sh "$HERE/lib.sh" "$HERE"/tests/*.sh; do
		head -n 1 "$f" | grep -q '^#!/bin/bash\|^# shellcheck shell=bash' || continue
		shellcheck "$f" >"$SCRATCH/shellcheck.out" 2>&1 || { bad=1; cat "$SCRATCH/shellcheck.out"; }
	done
	for f in "$TOP"/support/scripts/*; do
		head -n 1 "$f" | grep -q '^#!/usr/bin/python3' || continue
		/usr/bin/python3 -c 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")' "$f" \
			2>"$SCRATCH/py.out" || { bad=1; cat "$SCRATCH/py.out"; }
	done
	[ "$bad" = 0 ] || fail "scripts have shellcheck or Python errors (above)"
}

TESTS+=(scripts_are_clean)
