# shellcheck shell=bash
# Framework tests: the other test runners (runtime, artifact cache, Kconfig cases,
# menuconfig): a name or filter that matches nothing is an error, never
# "0 passed, 0 failed"; the runtime library refuses a reused output dir
# configured otherwise; SIGTERM stops the runtime runner's build. Nothing is
# built.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# expect_status STATUS OUT COMMAND...: COMMAND exits with STATUS; its output in OUT.
expect_status() {
	local want=$1 out=$2 rc=0
	shift 2
	"$@" >"$out" 2>&1 || rc=$?
	[ "$rc" = "$want" ] || fail "'$*' exited with $rc, expected $want:$(printf '\n'; sed 's/^/      /' "$out")"
}

test_runtime_run_rejects_names_without_tests() {
	local run=$TOP/support/testing/runtime/run out=$SCRATCH/runtime-run.out name
	for name in test_no_such_module test_boot_qemu.NoSuchClass \
		test_boot_qemu.BootQemuX86_64.test_no_such_test smartos_runtime; do
		expect_status 2 "$out" "$run" "$name" || return
		expect_contains "$out" "0 passed, 1 failed" || return
	done
	expect_contains "$out" "'smartos_runtime' names no test" || return
	# Every module loads; --list names the tests without building.
	"$run" --list >"$out" 2>&1 || { fail "run --list failed: $(cat "$out")"; return; }
	expect_contains "$out" "test_boot_qemu.DirectKernelBoot.test_direct_kernel_boot_and_poweroff" || return
	"$run" --list test_access.FirstBoot.test_firewall long_internal_toolchain >"$out" 2>&1 ||
		{ fail "run --list with names failed: $(cat "$out")"; return; }
	expect_contains "$out" "test_access.FirstBoot.test_firewall" || return
	expect_contains "$out" "long_internal_toolchain.InternalToolchainGuest.test_gcc_is_ours"
}

# A reused output dir may hold more than a test's configuration, never less:
# the library says which line is missing before it runs make.
test_runtime_reuse_checks_the_configuration() {
	local out=$SCRATCH/reuse
	mkdir -p "$out"
	{
		grep -v '^SMARTOS_TARGET_ROOTFS_TAR=' "$TOP/configs/smartos_docker_defconfig"
		echo 'SMARTOS_CCACHE=y'
	} >"$out/.config"
	SMARTOS_RUNTIME_OUTPUT_FWTEST=$out /usr/bin/python3 - "$TOP/support/testing/runtime" \
		>"$SCRATCH/reuse.out" 2>&1 <<-'PY' || { fail "$(cat "$SCRATCH/reuse.out")"; return; }
		import sys
		sys.path.insert(0, sys.argv[1])
		import smartos_runtime as rt

		def build(*fragment):
		    return rt.Build("smartos_docker_defconfig", fragment,
		                    env_name="SMARTOS_RUNTIME_OUTPUT_FWTEST")

		for fragment in (("SMARTOS_CCACHE=y",), ("SMARTOS_PACKAGE_DROPBEAR=y",)):
		    try:
		        build(*fragment).run()
		        print("no error for", fragment)
		    except rt.BuildError as e:
		        print(e)
		PY
	expect_contains "$SCRATCH/reuse.out" "the reused output dir $out (\$SMARTOS_RUNTIME_OUTPUT_FWTEST) is not configured as smartos_docker_defconfig + 1 fragment lines: its .config lacks 'SMARTOS_TARGET_ROOTFS_TAR=y'" || return
	expect_contains "$SCRATCH/reuse.out" "lacks 'SMARTOS_TARGET_ROOTFS_TAR=y' (and 1 more lines)" || return
	expect_not_contains "$SCRATCH/reuse.out" "no error for" || return
	# Refused before any make.
	expect_not_contains "$out/runtime-build.log" '$ make' || return
	# The same dir with the defconfig's line back serves a configuration it holds.
	grep '^SMARTOS_TARGET_ROOTFS_TAR=' "$TOP/configs/smartos_docker_defconfig" >>"$out/.config"
	SMARTOS_RUNTIME_OUTPUT_FWTEST=$out /usr/bin/python3 -c '
import sys
sys.path.insert(0, sys.argv[1])
import smartos_runtime as rt
rt.Build("smartos_docker_defconfig", ("SMARTOS_CCACHE=y",),
         env_name="SMARTOS_RUNTIME_OUTPUT_FWTEST").check_config()' \
		"$TOP/support/testing/runtime" >"$SCRATCH/reuse.out" 2>&1 ||
		fail "a superset configuration was refused: $(cat "$SCRATCH/reuse.out")" || return
	# The lines make_inputs returns (values known once its files exist) are
	# part of the configuration: the dir lacks the one returned here.
	SMARTOS_RUNTIME_OUTPUT_FWTEST=$out /usr/bin/python3 -c '
import os, sys
sys.path.insert(0, sys.argv[1])
import smartos_runtime as rt
def inputs(directory):
    with open(os.path.join(directory, "made"), "w") as f:
        f.write("x")
    return ["SMARTOS_PACKAGE_DROPBEAR=y"]
try:
    rt.Build("smartos_docker_defconfig", ("SMARTOS_CCACHE=y",), make_inputs=inputs,
             env_name="SMARTOS_RUNTIME_OUTPUT_FWTEST").run()
    print("no error for the line make_inputs returned")
except rt.BuildError as e:
    print(e)' "$TOP/support/testing/runtime" >"$SCRATCH/reuse.out" 2>&1
	expect_contains "$SCRATCH/reuse.out" "its .config lacks 'SMARTOS_PACKAGE_DROPBEAR=y'" || return
	expect_file "$out/runtime-inputs/made" || return
	expect_not_contains "$out/runtime-build.log" '$ make'
}

# SIGTERM to the runtime runner (a CI job's timeout) stops the build it is
# running: make gets SIGTERM, nothing of the build is left running, the
# output directory goes, and the runner exits with 130. "make" here is a
# stand-in on PATH that waits until it is stopped.
test_runtime_run_stops_its_build_on_sigterm() {
	local fake=$SCRATCH/fakebin tmp=$SCRATCH/runner-tmp out=$SCRATCH/sigterm.out rc=0 pid
	mkdir -p "$fake" "$tmp"
	cat >"$fake/make" <<-'SH'
		#!/bin/bash
		sleep 300 &
		trap 'kill $!; echo terminated >"$FAKE_MAKE_DIR/make.term"; exit 143' TERM
		echo $$ >"$FAKE_MAKE_DIR/make.pid"
		wait $!
	SH
	chmod +x "$fake/make"
	# (Without the caller's choices of kept or reused directories.)
	env -u SMARTOS_RUNTIME_KEEP -u SMARTOS_RUNTIME_ARTIFACT_CACHE -u SMARTOS_RUNTIME_OUTPUT \
		-u SMARTOS_RUNTIME_DEFCONFIG FAKE_MAKE_DIR="$SCRATCH" PATH="$fake:$PATH" TMPDIR="$tmp" \
		"$TOP/support/testing/runtime/run" test_boot_qemu.DirectKernelBoot >"$out" 2>&1 &
	local runner=$!
	for _ in $(seq 300); do [ -s "$SCRATCH/make.pid" ] && break; sleep 0.1; done
	[ -s "$SCRATCH/make.pid" ] || { kill $runner; fail "the runner never ran make: $(cat "$out")"; return; }
	pid=$(cat "$SCRATCH/make.pid")
	kill -TERM $runner
	wait $runner || rc=$?
	[ "$rc" = 130 ] || fail "the runner exited with $rc after SIGTERM, expected 130: $(cat "$out")" || return
	expect_contains "$out" "ERROR: interrupted" || return
	expect_file "$SCRATCH/make.term" || return
	! kill -0 "$pid" 2>/dev/null || fail "make ($pid) still runs after the runner ended" || return
	[ -z "$(ls -A "$tmp")" ] || fail "left in TMPDIR after SIGTERM: $(ls -A "$tmp")"
}

test_case_runners_reject_filters_matching_nothing() {
	local out=$SCRATCH/runner.out
	expect_status 2 "$out" "$TOP/support/kconfig/tests/run-cases.sh" "$KCONFIG_CONF" \
		"$TOP/support/kconfig/tests/unit" no_such_case || return
	expect_contains "$out" "no case in $TOP/support/kconfig/tests/unit matches 'no_such_case'" || return
	command -v tmux >/dev/null || { fail "tmux is not installed (apt-get install tmux)"; return; }
	MCONF_TESTS="test_resize no_such_test" expect_status 2 "$out" \
		"$TOP/support/kconfig/menuconfig/tests/run.sh" /bin/true || return
	expect_contains "$out" "MCONF_TESTS: no test named no_such_test" || return
	expect_status 2 "$out" "$TOP/support/testing/cache/run" no_such_defconfig || return
	expect_contains "$out" "configs/no_such_defconfig not found"
}

TESTS+=(runtime_run_rejects_names_without_tests runtime_reuse_checks_the_configuration
	runtime_run_stops_its_build_on_sigterm case_runners_reject_filters_matching_nothing)
