# shellcheck shell=bash
# Framework tests: the test runner itself.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# A failed check in the middle of a test fails it, whatever follows; so does a
# command that fails outside a condition; an unknown test name is an error.
test_runner_catches_failures() {
	local planted=$SCRATCH/planted-tests.sh out=$SCRATCH/selftest.out rc=0
	cat >"$planted" <<-'SH'
		test_planted_check_then_success() {
			expect_file /nonexistent/planted
			echo "after the failed check"
			true
		}
		test_planted_command_then_success() {
			false
			true
		}
		test_planted_passes() {
			expect_file /
		}
	SH
	FWTEST_EXTRA=$planted "$HERE/run-tests" planted_check_then_success planted_command_then_success \
		planted_passes >"$out" 2>&1 || rc=$?
	[ "$rc" != 0 ] || fail "the suite passed with failing checks planted: $(cat "$out")" || return
	expect_contains "$out" "1 passed, 2 failed" || return
	expect_contains "$out" "failed: planted_check_then_success planted_command_then_success" || return
	expect_contains "$out" "FAIL: expected file /nonexistent/planted" || return
	expect_contains "$out" "FAIL: 'false' exited with status 1" || return
	rc=0
	"$HERE/run-tests" no_such_test >"$out" 2>&1 || rc=$?
	[ "$rc" = 2 ] || fail "run-tests with an unknown test name exited with $rc, expected 2" || return
	expect_contains "$out" "no test named no_such_test"
}

# errexit does not stop at a negated command ("! cmd" alone on a line): a
# check written so would never fail. Every such line must carry its "|| fail".
test_no_unchecked_negations() {
	local bad
	bad=$(awk 'FNR == 1 { prev = "" }
		/^[ \t]*! / && !/\|\|/ && prev !~ /(\|\||&&|\\)[ \t]*$/ { print FILENAME ":" FNR ": " $0 }
		{ prev = $0 }' "$HERE"/tests/*.sh "$HERE/lib.sh")
	[ -z "$bad" ] || fail "negated commands that fail no test:$(printf '\n%s' "$bad")"
}

TESTS+=(runner_catches_failures no_unchecked_negations)
