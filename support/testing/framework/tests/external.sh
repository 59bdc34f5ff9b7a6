# shellcheck shell=bash
# Framework tests: external trees (SMARTOS_EXTERNAL).
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# --- external trees (SMARTOS_EXTERNAL) -----------------------------------------------
test_external_tree() {
	# support/testing/external-tree: its own board, defconfig and package (a C
	# program with a patch), an overlay, a post-image script with arguments.
	local ext=$TOP/support/testing/external-tree o=$SCRATCH/external/output
	export SMARTOS_DL_DIR=$SCRATCH/external/dl
	SMARTOS_EXTERNAL=support/testing/external-tree mk_top O="$o" example_vendor_defconfig ||
		{ fail "example_vendor_defconfig failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$o/.config" "SMARTOS_PACKAGE_VENDOR_HELLO=y" || return
	expect_contains "$o/.config" 'SMARTOS_EXAMPLE_BOARD_MOTTO="built outside the smart-os tree"' || return
	expect_contains "$o/.smartos-external.Kconfig" 'menu "Example vendor tree (EXAMPLE)"' || return
	expect_contains "$o/.smartos-external" "$ext" || return
	# Later calls need not repeat SMARTOS_EXTERNAL: it is remembered in $o.
	mk_top O="$o" || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" ">>> vendor-hello 1.0 Patching" || return
	expect_contains "$o/build/vendor-hello/smartos-build.log" "0001-greeting.patch" || return
	[ "$("$o/target/usr/bin/vendor-hello")" = "hello from the vendor tree (patched by smart-os)" ] ||
		fail "vendor-hello printed '$("$o/target/usr/bin/vendor-hello")', expected the patched greeting" || return
	local tarlist=$SCRATCH/external/tar.txt
	tar -tvf "$o/images/rootfs.tar" >"$tarlist"
	[ "$(tar -xOf "$o/images/rootfs.tar" ./etc/vendor-release)" = "example overlay file" ] ||
		fail "the tree's overlay is not in rootfs.tar" || return
	[ "$(tar -xOf "$o/images/rootfs.tar" ./etc/motd)" = "Vendor build: authorised use only" ] ||
		fail "/etc/motd is not the configured banner" || return
	[ "$(tar -xOf "$o/images/rootfs.tar" ./etc/hostname)" = "vendor-box" ] || fail "hostname is not vendor-box" || return
	[ "$(tar -xOf "$o/images/rootfs.tar" ./etc/issue)" = "Example vendor box" ] || fail "/etc/issue is not the configured one" || return
	# The post-build script ran with the configured arguments.
	[ "$(tar -xOf "$o/images/rootfs.tar" ./etc/build-info)" = "post-build arguments: --flavour demo" ] ||
		fail "post-build: /etc/build-info is '$(tar -xOf "$o/images/rootfs.tar" ./etc/build-info)'" || return
	# The tree's users table and device table.
	tar -xOf "$o/images/rootfs.tar" ./etc/passwd | grep -q '^vendor:x:1000:1000:Vendor service account:/home/vendor:/bin/sh$' ||
		fail "user vendor not in /etc/passwd: $(tar -xOf "$o/images/rootfs.tar" ./etc/passwd)" || return
	grep -q '^crw-rw---- 0/0 *4,65 .* ./dev/ttyS1$' "$tarlist" || fail "no /dev/ttyS1 (4,65) from the tree's device table" || return
	grep -q '^-rwxr-x--- 0/1000 .* ./usr/bin/vendor-hello$' "$tarlist" || fail "vendor-hello is not 0750 root:vendor" || return
	# The post-image script ran, with the configured arguments and the tree's path.
	expect_contains "$o/images/example-post-image.txt" "flavour: demo" || return
	expect_contains "$o/images/example-post-image.txt" "motto: built outside the smart-os tree" || return
	expect_contains "$o/images/example-post-image.txt" "tree: $ext" || return
	expect_contains "$o/images/example-rootfs-files.txt" "./usr/bin/vendor-hello" || return
	mk_top O="$o" list-defconfigs || { fail "list-defconfigs failed"; return; }
	expect_contains "$OUT" "Defconfigs in external tree EXAMPLE (Example vendor tree), $ext/configs/:" || return
	expect_contains "$OUT" "example_vendor_defconfig" || return
	# A second make does nothing; an empty SMARTOS_EXTERNAL forgets the tree.
	mk_top O="$o" || { fail "second make failed"; return; }
	[ ! -s "$OUT" ] || fail "no-op make with an external tree printed: $(cat "$OUT")" || return
	SMARTOS_EXTERNAL='' mk_top O="$o" list-defconfigs || { fail "list-defconfigs with SMARTOS_EXTERNAL= failed"; return; }
	expect_not_contains "$OUT" "external tree EXAMPLE" || return
	mk_top O="$o" list-defconfigs || { fail "list-defconfigs failed"; return; }
	expect_not_contains "$OUT" "external tree EXAMPLE" || return
	# The configuration still names the tree's files: make says which tree is missing.
	if mk_top O="$o"; then fail "make succeeded without the external tree its .config uses"; return; fi
	expect_contains "$OUT" "uses \$(SMARTOS_EXTERNAL_EXAMPLE_PATH) but no external tree named EXAMPLE is in use" || return
	# Back to the tree, for the tests that reuse this build.
	SMARTOS_EXTERNAL=support/testing/external-tree mk_top O="$o" || fail "make with the tree again failed: $(tail -n 20 "$OUT")"
}

# ext_tree DIR NAME [desc line]: a minimal external tree.
ext_tree() {
	mkdir -p "$1/configs"
	printf 'name: %s\ndesc: %s\n' "$2" "${3:-tree $2}" >"$1/external.desc"
}

# expect_external_error PATHS TEXT: make with SMARTOS_EXTERNAL=PATHS fails saying TEXT.
expect_external_error() {
	if SMARTOS_EXTERNAL=$1 mk_top O="$SCRATCH/exterr/output" list-defconfigs; then
		fail "make accepted SMARTOS_EXTERNAL=$1"
		return
	fi
	expect_contains "$OUT" "$2"
}

test_external_tree_errors() {
	local d=$SCRATCH/exterr
	mkdir -p "$d"
	expect_external_error "$d/none" "ERROR: external tree $d/none does not exist" || return
	mkdir -p "$d/nodesc"
	expect_external_error "$d/nodesc" "external tree $d/nodesc has no descriptor external.desc" || return
	ext_tree "$d/bad" BAD
	printf 'name: BAD\nthis line has no colon\n' >"$d/bad/external.desc"
	expect_external_error "$d/bad" "$d/bad/external.desc:2: expected 'key: value'" || return
	printf '# comment\nname: not-valid\n' >"$d/bad/external.desc"
	expect_external_error "$d/bad" "$d/bad/external.desc:2: name 'not-valid' must be letters, digits and _ only" || return
	printf 'desc: no name\n' >"$d/bad/external.desc"
	expect_external_error "$d/bad" "$d/bad/external.desc: no 'name:' line" || return
	printf 'name: A\nversion: 2\n' >"$d/bad/external.desc"
	expect_external_error "$d/bad" "$d/bad/external.desc:2: unknown key 'version'" || return
	ext_tree "$d/one" DUP
	ext_tree "$d/two" DUP
	expect_external_error "$d/one:$d/two" "two external trees are named DUP: $d/one/external.desc:1 and $d/two/external.desc:1" || return
	ext_tree "$d/shadow" SHADOW
	mkdir -p "$d/shadow/package/busybox"
	expect_external_error "$d/shadow" "$d/shadow/package/busybox (external tree SHADOW) shadows the in-tree package package/busybox" || return
	ext_tree "$d/p1" P1
	ext_tree "$d/p2" P2
	mkdir -p "$d/p1/package/widget" "$d/p2/package/widget"
	expect_external_error "$d/p1 $d/p2" "$d/p2/package/widget (external tree P2) has the same name as $d/p1/package/widget (external tree P1)" || return
	# A remembered tree that disappeared: the error says where it is remembered.
	SMARTOS_EXTERNAL=$d/p1 mk_top O="$d/output" list-defconfigs || { fail "a good tree was refused: $(cat "$OUT")"; return; }
	expect_contains "$OUT" "Defconfigs in external tree P1 (tree P1)" || return
	rm -rf "$d/p1"
	if mk_top O="$d/output" list-defconfigs; then fail "make accepted a vanished remembered tree"; return; fi
	expect_contains "$OUT" "ERROR: external tree $d/p1 does not exist" || return
	expect_contains "$OUT" "(external trees from $d/output/.smartos-external (remembered; SMARTOS_EXTERNAL= forgets it))" || return
	# A defconfig that is nowhere.
	if mk_top O="$d/output2" nosuch_defconfig; then fail "nosuch_defconfig succeeded"; return; fi
	expect_contains "$OUT" "no nosuch_defconfig in $TOP/configs"
}

TESTS+=(external_tree external_tree_errors)
