# shellcheck shell=bash
# Framework tests: the package steps: order, -j, hashes and rebuilds, interrupted builds, infrastructures, failure reports.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# --- tests ---------------------------------------------------------------------------
test_dependency_order() {
	new_tree deporder
	simple_pkg alpha 1.0
	simple_pkg beta 1.0 alpha
	simple_pkg gamma 1.0 beta
	defconfig SMARTOS_PACKAGE_GAMMA=y
	rm -f "$SCRATCH/build-order"
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	[ "$(tr '\n' ' ' <"$SCRATCH/build-order")" = "alpha beta gamma " ] ||
		fail "build order: expected 'alpha beta gamma', got '$(tr '\n' ' ' <"$SCRATCH/build-order")'" || return
	# gamma's per-package target holds its dependencies' files, the final target all three.
	expect_file "$T/output/per-package/gamma/target/usr/share/alpha.txt" || return
	for p in alpha beta gamma; do expect_file "$T/output/target/usr/share/$p.txt" || return; done
	expect_contains "$OUT" ">>> gamma 1.0 Building" || return
	# A recursive make (<pkg>-rebuild) downloads into the same download dir.
	mk alpha-dirclean >/dev/null || { fail "alpha-dirclean failed"; return; }
	mk O="$T/output" alpha-rebuild || { fail "alpha-rebuild after dirclean failed: $(tail -n 20 "$OUT")"; return; }
	# O= is not handed down to the packages' own builds (a kernel's O= means something else).
	[ ! -e "$SCRATCH/o-leaked" ] || fail "O= reached the build of: $(cat "$SCRATCH/o-leaked")" || return
	[ "$(find "$T" -name '*""*' | wc -l)" = 0 ] || fail "stray directory: $(find "$T" -name '*""*')"
}

test_parallel_build() {
	new_tree parallel
	# p1 and p2 each wait for the other to have started: only a parallel make passes
	# (up to 120 s each, for a loaded machine; a serial make fails after that).
	local p other up
	for p in p1 p2; do
		other=p1; [ $p = p1 ] && other=p2
		up=${p^^}
		kconfig_add "config SMARTOS_PACKAGE_$up
	bool \"$p\""
		mkpkg $p <<-MK
			${up}_VERSION = 1
			define ${up}_BUILD_CMDS
				touch $SCRATCH/parallel/$p.started
				for i in \$\$(seq 1200); do [ -e $SCRATCH/parallel/$other.started ] && exit 0; sleep 0.1; done; echo "$other never started"; exit 1
			endef
			\$(eval \$(generic-package))
		MK
	done
	defconfig SMARTOS_PACKAGE_P1=y SMARTOS_PACKAGE_P2=y
	mk -j2 || { fail "make -j2 failed: $(tail -n 20 "$OUT")"; return; }
	# The default (no -j) is parallel too: clean both and run plain make.
	mk p1-dirclean p2-dirclean >/dev/null || { fail "dirclean failed"; return; }
	rm -f "$SCRATCH"/parallel/p?.started
	mk || fail "plain make (default -j$(nproc)) failed: $(tail -n 20 "$OUT")"
}

test_install_steps_one_at_a_time() {
	new_tree installorder
	# Each install step marks itself busy for a second; a step that finds
	# another one busy records it. Under -j2 the three must still run one
	# after the other: staging, target, images.
	local step
	kconfig_add 'config SMARTOS_PACKAGE_INSTALLS
	bool "installs"'
	{
		echo 'INSTALLS_VERSION = 1'
		echo 'INSTALLS_INSTALL_STAGING = YES'
		echo 'INSTALLS_INSTALL_IMAGES = YES'
		for step in STAGING TARGET IMAGES; do
			echo "define INSTALLS_INSTALL_${step}_CMDS"
			echo "	if [ -e $SCRATCH/installsteps/busy ]; then echo $step >>$SCRATCH/installsteps/overlaps; fi"
			echo "	touch $SCRATCH/installsteps/busy; echo $step >>$SCRATCH/installsteps/order; sleep 1; rm -f $SCRATCH/installsteps/busy"
			echo "endef"
		done
		# shellcheck disable=SC2016 # make's text, not the shell's
		echo '$(eval $(generic-package))'
	} | mkpkg installs
	mkdir -p "$SCRATCH/installsteps"
	rm -f "$SCRATCH/installsteps/"*
	defconfig SMARTOS_PACKAGE_INSTALLS=y
	mk -j2 installs || { fail "make -j2 installs failed: $(tail -n 20 "$OUT")"; return; }
	[ ! -e "$SCRATCH/installsteps/overlaps" ] ||
		fail "install steps ran side by side: $(tr '\n' ' ' <"$SCRATCH/installsteps/overlaps")" || return
	[ "$(tr '\n' ' ' <"$SCRATCH/installsteps/order")" = "STAGING TARGET IMAGES " ] ||
		fail "install order: expected 'STAGING TARGET IMAGES', got '$(tr '\n' ' ' <"$SCRATCH/installsteps/order")'"
}

test_hash_mismatch_rejected() {
	new_tree hashmismatch
	simple_pkg alpha 1.0
	local real wrong
	real=$(sha256sum "$SRC/alpha-1.0.tar.gz" | cut -d' ' -f1)
	wrong=$(printf '%s' wrong | sha256sum | cut -d' ' -f1)
	echo "sha256  $wrong  alpha-1.0.tar.gz" >"$T/package/alpha/alpha.hash"
	defconfig SMARTOS_PACKAGE_ALPHA=y
	if mk; then fail "make succeeded with a wrong hash"; return; fi
	expect_contains "$OUT" "sha256 mismatch for alpha-1.0.tar.gz" || return
	expect_contains "$OUT" "expected: $wrong" || return
	expect_contains "$OUT" "actual:   $real" || return
	expect_contains "$OUT" "package alpha: step download failed" || return
	# Nothing kept under the real name, no temporary left behind.
	expect_no_file "$DL/alpha/alpha-1.0.tar.gz" || return
	[ -z "$(ls -A "$DL/alpha")" ] || fail "download dir not empty: $(ls -A "$DL/alpha")"
	expect_no_file "$T/output/build/alpha/.stamp_extracted."* || return
	# A corrupted file in the download cache is replaced by a good download.
	echo "sha256  $real  alpha-1.0.tar.gz" >"$T/package/alpha/alpha.hash"
	echo garbage >"$DL/alpha/alpha-1.0.tar.gz"
	mk || { fail "make after fixing the hash failed: $(tail -n 20 "$OUT")"; return; }
	[ "$(sha256sum <"$DL/alpha/alpha-1.0.tar.gz" | cut -d' ' -f1)" = "$real" ] || fail "cached file not replaced"
}

test_interrupted_build_resumes() {
	new_tree interrupted
	kconfig_add 'config SMARTOS_PACKAGE_SLOW
	bool "slow"'
	mkpkg slow <<-MK
		SLOW_VERSION = 1
		define SLOW_BUILD_CMDS
			echo part1 > \$(@D)/part1
			touch $SCRATCH/interrupted/started
			if [ ! -e $SCRATCH/interrupted/fast ]; then sleep 60; fi
			echo part2 > \$(@D)/part2
		endef
		define SLOW_INSTALL_TARGET_CMDS
			install -D \$(@D)/part2 \$(TARGET_DIR)/part2
		endef
		\$(eval \$(generic-package))
	MK
	defconfig SMARTOS_PACKAGE_SLOW=y
	setsid make -C "$T" --no-print-directory >"$SCRATCH/interrupted/first.out" 2>&1 &
	local pid=$! i
	for i in $(seq 200); do
		: "$i"
		[ -e "$SCRATCH/interrupted/started" ] && break
		sleep 0.1
	done
	[ -e "$SCRATCH/interrupted/started" ] || { kill -9 -- -"$pid"; fail "build never started"; return; }
	kill -TERM -- -"$pid"
	local rc=0
	wait "$pid" 2>/dev/null || rc=$?
	[ "$rc" != 0 ] || fail "the interrupted make exited with status 0" || return
	expect_file "$T/output/build/slow/.stamp_configured" || return
	expect_no_file "$T/output/build/slow/.stamp_built" || return
	expect_no_file "$T/output/build/slow/part2" || return
	touch "$SCRATCH/interrupted/fast"
	mk || { fail "rerun failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" ">>> slow 1 Building" || return
	expect_not_contains "$OUT" ">>> slow 1 Configuring" || return
	expect_file "$T/output/build/slow/.stamp_built" || return
	expect_file "$T/output/target/part2"
}

test_config_change_rebuilds_only_affected() {
	new_tree configchange
	simple_pkg alpha 1.0
	simple_pkg beta 1.0
	simple_pkg gamma 1.0 alpha
	defconfig SMARTOS_PACKAGE_ALPHA=y SMARTOS_PACKAGE_BETA=y SMARTOS_PACKAGE_GAMMA=y
	mk || { fail "first make failed: $(tail -n 20 "$OUT")"; return; }
	mk || { fail "second make failed"; return; }
	expect_not_contains "$OUT" "Building" || return
	set_config SMARTOS_PACKAGE_ALPHA_TEXT '"changed"' || return
	mk || { fail "make after the change failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" ">>> alpha 1.0 Building" || return
	expect_contains "$OUT" ">>> gamma 1.0 Building" || return   # depends on alpha
	expect_not_contains "$OUT" ">>> beta" || return
	[ "$(cat "$T/output/target/usr/share/alpha.option")" = changed ] ||
		fail "target has alpha.option '$(cat "$T/output/target/usr/share/alpha.option")', expected 'changed'" || return
	# A change to the package's .mk rebuilds it too.
	echo "# comment" >>"$T/package/beta/beta.mk"
	mk || { fail "make after the .mk change failed"; return; }
	expect_contains "$OUT" ">>> beta 1.0 Building" || return
	expect_not_contains "$OUT" ">>> alpha"
}

test_deselected_package_vanishes() {
	new_tree deselect
	simple_pkg alpha 1.0
	simple_pkg beta 1.0
	defconfig SMARTOS_PACKAGE_ALPHA=y SMARTOS_PACKAGE_BETA=y
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	expect_file "$T/output/target/usr/share/beta.txt" || return
	tar -tf "$T/output/images/rootfs.tar" | grep -q 'usr/share/beta.txt' || fail "beta not in rootfs.tar" || return
	set_config SMARTOS_PACKAGE_BETA n || return
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	expect_not_contains "$OUT" "Building" || return
	expect_no_file "$T/output/target/usr/share/beta.txt" || return
	expect_file "$T/output/target/usr/share/alpha.txt" || return
	! tar -tf "$T/output/images/rootfs.tar" | grep -q 'usr/share/beta.txt' || fail "beta still in rootfs.tar"
}

test_rebuilt_dependency_wins_in_target() {
	new_tree rebuild
	kconfig_add 'config SMARTOS_PACKAGE_BASE
	bool "base"
config SMARTOS_PACKAGE_TOP
	bool "top"
	select SMARTOS_PACKAGE_BASE'
	echo one >"$SCRATCH/rebuild/content"
	mkpkg base <<-MK
		BASE_VERSION = 1
		define BASE_INSTALL_TARGET_CMDS
			install -D -m 644 $SCRATCH/rebuild/content \$(TARGET_DIR)/etc/base.conf
		endef
		\$(eval \$(generic-package))
	MK
	mkpkg top <<-'MK'
		TOP_VERSION = 1
		TOP_DEPENDENCIES = base
		define TOP_INSTALL_TARGET_CMDS
			cat $(TARGET_DIR)/etc/base.conf > $(TARGET_DIR)/etc/top.conf
		endef
		$(eval $(generic-package))
	MK
	defconfig SMARTOS_PACKAGE_TOP=y
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	echo two >"$SCRATCH/rebuild/content"
	mk base-rebuild || { fail "base-rebuild failed: $(tail -n 20 "$OUT")"; return; }
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	expect_not_contains "$OUT" ">>> top" || return
	[ "$(cat "$T/output/target/etc/base.conf")" = two ] ||
		fail "target has base.conf '$(cat "$T/output/target/etc/base.conf")' after base-rebuild, expected 'two'"
}

test_host_and_autotools_packages() {
	new_tree autotools
	# A tarball with a hand-written ./configure (no autoconf needed) that honours
	# --prefix, as autotools-package expects.
	mkdir -p "$SRC/tool-1.0"
	cat >"$SRC/tool-1.0/configure" <<-'SH'
		#!/bin/sh
		prefix=/usr/local
		for a in "$@"; do case $a in --prefix=*) prefix=${a#--prefix=} ;; esac; done
		printf 'PREFIX = %s\nall:\n\tprintf "#!/bin/sh\\necho tool 1.0\\n" > tool\ninstall:\n\tinstall -D -m 755 tool $(DESTDIR)$(PREFIX)/bin/tool\n\techo "libdir=/usr/lib" > libtool.la\n\tinstall -D -m 644 libtool.la $(DESTDIR)$(PREFIX)/lib/libtool.la\n' "$prefix" > Makefile
		echo "configured with: $*" > configured-with
	SH
	chmod +x "$SRC/tool-1.0/configure"
	tar -C "$SRC" -czf "$SRC/tool-1.0.tar.gz" tool-1.0
	mkpkg tool <<-MK
		TOOL_VERSION = 1.0
		TOOL_SITE = file://$SRC
		TOOL_CONF_OPTS = --enable-test-option \$(TOOL_TEST_EXTRA)
		\$(eval \$(autotools-package))
		\$(eval \$(host-autotools-package))
	MK
	(cd "$SRC" && echo "sha256  $(sha256sum tool-1.0.tar.gz | cut -d' ' -f1)  tool-1.0.tar.gz") >"$T/package/tool/tool.hash"
	mkpkg user <<-'MK'
		USER_VERSION = 1
		USER_DEPENDENCIES = host-tool
		define USER_BUILD_CMDS
			tool > $(@D)/from-host-tool
		endef
		define USER_INSTALL_TARGET_CMDS
			install -D -m 644 $(@D)/from-host-tool $(TARGET_DIR)/usr/share/from-host-tool
		endef
		$(eval $(generic-package))
	MK
	kconfig_add 'config SMARTOS_PACKAGE_TOOL
	bool "tool"
config SMARTOS_PACKAGE_USER
	bool "user"'
	defconfig SMARTOS_PACKAGE_TOOL=y SMARTOS_PACKAGE_USER=y
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" ">>> host-tool 1.0 Installing to host directory" || return
	expect_file "$T/output/target/usr/bin/tool" || return
	expect_file "$T/output/host/bin/tool" || return
	expect_contains "$T/output/build/tool/configured-with" "--prefix=/usr" || return
	expect_contains "$T/output/build/tool/configured-with" "--enable-test-option" || return
	expect_contains "$T/output/build/host-tool/configured-with" "--prefix=$T/output/per-package/host-tool/host" || return
	expect_contains "$T/output/target/usr/share/from-host-tool" "tool 1.0" || return
	# libtool archives are removed by the infrastructure, in every install step
	expect_no_file "$T/output/target/usr/lib/libtool.la" || return
	expect_no_file "$T/output/host/lib/libtool.la" || return
	expect_contains "$T/output/build/tool/smartos-build.log" "libtool.la" || return
	# the infrastructure's own variables are hashed with their expanded values
	local before
	mk tool-show-hash || { fail "show-hash failed"; return; }
	before=$(cat "$OUT")
	mk tool-show-hash TOOL_TEST_EXTRA=--with-more || { fail "show-hash failed"; return; }
	[ "$(cat "$OUT")" != "$before" ] || fail "a different TOOL_CONF_OPTS value kept the hash $before"
}

test_kconfig_package() {
	new_tree kconfigpkg
	# A package configured by its own Kconfig-like Makefile targets.
	mkdir -p "$SRC/kpkg-1.0"
	# shellcheck disable=SC2016 # make syntax, not shell
	printf '%s\n' 'olddefconfig:' "	grep -q '^K_RESOLVED=y' .config || echo 'K_RESOLVED=y' >> .config" \
		'savedefconfig:' "	grep -v '^K_RESOLVED=' .config > defconfig" \
		'all:' '	cp .config built-config' '	echo "MAKEFLAGS=$$MAKEFLAGS" > makeflags' >"$SRC/kpkg-1.0/Makefile"
	tar -C "$SRC" -czf "$SRC/kpkg-1.0.tar.gz" kpkg-1.0
	printf 'K_A=y\nK_B="base"\n# K_C is not set\n' >"$T/kpkg.config"
	printf 'K_B="fragment"\nK_C=y\n' >"$T/kpkg.fragment"
	mkpkg kpkg <<-MK
		KPKG_VERSION = 1.0
		KPKG_SITE = file://$SRC
		KPKG_KCONFIG_FILE = kpkg.config
		KPKG_KCONFIG_FRAGMENT_FILES = \$(if \$(SMARTOS_PACKAGE_KPKG_FRAGMENT),kpkg.fragment)
		define KPKG_BUILD_CMDS
			\$(MAKE) -C \$(@D) all
		endef
		define KPKG_INSTALL_TARGET_CMDS
			install -D -m 644 \$(@D)/built-config \$(TARGET_DIR)/etc/kpkg.config
		endef
		\$(eval \$(kconfig-package))
	MK
	(cd "$SRC" && echo "sha256  $(sha256sum kpkg-1.0.tar.gz | cut -d' ' -f1)  kpkg-1.0.tar.gz") >"$T/package/kpkg/kpkg.hash"
	kconfig_add 'config SMARTOS_PACKAGE_KPKG
	bool "kpkg"
config SMARTOS_PACKAGE_KPKG_FRAGMENT
	bool "with the fragment"'
	defconfig SMARTOS_PACKAGE_KPKG=y SMARTOS_PACKAGE_KPKG_FRAGMENT=y
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	local c=$T/output/target/etc/kpkg.config
	expect_contains "$c" 'K_A=y' || return
	expect_contains "$c" 'K_B="fragment"' || return
	expect_not_contains "$c" 'K_B="base"' || return
	expect_contains "$c" 'K_C=y' || return
	expect_not_contains "$c" '# K_C is not set' || return
	expect_contains "$c" 'K_RESOLVED=y' || return
	# make in a package step has jobs of its own and no broken jobserver.
	expect_contains "$T/output/build/kpkg/makeflags" " -j$(nproc)" || return
	expect_not_contains "$T/output/build/kpkg/smartos-build.log" "jobserver unavailable" || return
	if mk kpkg-update-config; then fail "update-config accepted fragments"; return; fi
	expect_contains "$OUT" "KPKG_KCONFIG_FRAGMENT_FILES is set" || return
	# Without the fragment: rebuilt from the base config; savedefconfig writes it back.
	set_config SMARTOS_PACKAGE_KPKG_FRAGMENT n || return
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" ">>> kpkg 1.0 Configuring" || return
	expect_contains "$c" 'K_B="base"' || return
	# As after kpkg-menuconfig: an edited .config, the build stamps gone.
	echo 'K_D=y' >>"$T/output/build/kpkg/.config"
	rm -f "$T/output/build/kpkg/.stamp_built" "$T/output/build/kpkg/".stamp_*installed
	mk kpkg-savedefconfig || { fail "kpkg-savedefconfig failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$T/kpkg.config" 'K_D=y' || return
	expect_not_contains "$T/kpkg.config" 'K_RESOLVED' || return
	# The saved file changed the input hash; the build dir is kept (no re-extraction).
	mk || { fail "make after savedefconfig failed: $(tail -n 20 "$OUT")"; return; }
	expect_not_contains "$OUT" ">>> kpkg 1.0 Extracting" || return
	expect_contains "$OUT" ">>> kpkg 1.0 Building" || return
	expect_contains "$c" 'K_D=y'
}

test_failure_report() {
	new_tree failure
	kconfig_add 'config SMARTOS_PACKAGE_BROKEN
	bool "broken"'
	mkpkg broken <<-'MK'
		BROKEN_VERSION = 0.1
		define BROKEN_BUILD_CMDS
			echo "compiling the broken thing"
			echo "error: this is the reason" >&2; false
		endef
		$(eval $(generic-package))
	MK
	defconfig SMARTOS_PACKAGE_BROKEN=y
	if mk; then fail "make succeeded"; return; fi
	expect_contains "$OUT" ">>> broken 0.1 Building" || return
	expect_contains "$OUT" "ERROR: package broken: step build failed" || return
	expect_contains "$OUT" "log: $T/output/build/broken/smartos-build.log" || return
	expect_contains "$OUT" "| error: this is the reason" || return
	expect_no_file "$T/output/build/broken/.stamp_built"
}

# A second make with nothing changed runs no step command (build-time.log,
# where every step command is logged, does not grow), touches no stamp and
# prints nothing. Its time is printed, not judged: `make bench-framework`
# (overhead_benchmark) compares it with GNU make alone.
test_noop_make_does_nothing() {
	new_tree noop
	simple_pkg alpha 1.0
	simple_pkg beta 1.0 alpha
	defconfig SMARTOS_PACKAGE_BETA=y
	mk || { fail "make failed"; return; }
	local log=$T/output/build/build-time.log lines start end
	expect_file "$log" || return
	lines=$(wc -l <"$log")
	touch "$SCRATCH/noop.mark"
	start=$(date +%s%N)
	mk || { fail "no-op make failed"; return; }
	end=$(date +%s%N)
	echo "    no-op make: $(((end - start) / 1000000)) ms"
	[ ! -s "$OUT" ] || fail "no-op make printed: $(cat "$OUT")" || return
	[ "$(wc -l <"$log")" = "$lines" ] ||
		fail "no-op make ran step commands: $(tail -n +"$((lines + 1))" "$log" | cut -d' ' -f3-)" || return
	local touched
	touched=$(find "$T/output/build" -name '.stamp_*' -newer "$SCRATCH/noop.mark")
	[ -z "$touched" ] || fail "no-op make touched stamps: $touched"
}

test_show_info_and_savedefconfig() {
	new_tree info
	simple_pkg alpha 1.0
	defconfig SMARTOS_PACKAGE_ALPHA=y
	mk show-info || { fail "show-info failed: $(cat "$OUT")"; return; }
	/usr/bin/python3 -c '
import json, sys
info = json.load(open(sys.argv[1]))
a = info["alpha"]
assert a["version"] == "1.0" and a["license"] == "MIT" and a["selected"], a
assert a["source"] == "alpha-1.0.tar.gz" and "toolchain" in a["dependencies"], a
' "$OUT" || fail "show-info JSON: $(head -c 600 "$OUT")" || return
	set_config SMARTOS_PACKAGE_ALPHA_TEXT '"saved"' || return
	mk savedefconfig || { fail "savedefconfig failed: $(cat "$OUT")"; return; }
	expect_contains "$T/configs/test_defconfig" 'SMARTOS_PACKAGE_ALPHA_TEXT="saved"' || return
	mk savedefconfig DEFCONFIG="$SCRATCH/info/other_defconfig" || { fail "savedefconfig DEFCONFIG= failed"; return; }
	expect_contains "$SCRATCH/info/other_defconfig" 'SMARTOS_PACKAGE_ALPHA=y'
}

# A package's hash holds the symbols named after it (SMARTOS_PACKAGE_BASE_*,
# SMARTOS_BASE_*), which also match those of a package named base-extra:
# FOO_CONFIG_VARS_IGNORE leaves such symbols out (the toolchain and
# toolchain-runtime), and only those.
test_config_vars_ignore() {
	new_tree varsignore
	simple_pkg base 1.0
	simple_pkg base-extra 1.0
	defconfig SMARTOS_PACKAGE_BASE=y
	local plain with_extra
	mk -s base-show-hash || { fail "base-show-hash failed: $(cat "$OUT")"; return; }
	plain=$(cat "$OUT")
	set_config SMARTOS_PACKAGE_BASE_EXTRA y || return
	mk -s base-show-hash || { fail "base-show-hash failed: $(cat "$OUT")"; return; }
	with_extra=$(cat "$OUT")
	# Without the list, base-extra's symbols are base's inputs.
	[ "$with_extra" != "$plain" ] || fail "SMARTOS_PACKAGE_BASE_EXTRA=y kept base's hash without an ignore list" || return
	echo 'BASE_CONFIG_VARS_IGNORE = SMARTOS_PACKAGE_BASE_EXTRA SMARTOS_PACKAGE_BASE_EXTRA_%' >>"$T/package/base/base.mk"
	set_config SMARTOS_PACKAGE_BASE_EXTRA n || return
	mk -s base-show-hash || { fail "base-show-hash failed: $(cat "$OUT")"; return; }
	plain=$(cat "$OUT")
	set_config SMARTOS_PACKAGE_BASE_EXTRA y || return
	mk -s base-show-hash || { fail "base-show-hash failed: $(cat "$OUT")"; return; }
	[ "$(cat "$OUT")" = "$plain" ] || fail "SMARTOS_PACKAGE_BASE_EXTRA=y changed base's hash despite BASE_CONFIG_VARS_IGNORE" || return
	# base's own option still counts.
	set_config SMARTOS_PACKAGE_BASE_TEXT '"other"' || return
	mk -s base-show-hash || { fail "base-show-hash failed: $(cat "$OUT")"; return; }
	[ "$(cat "$OUT")" != "$plain" ] || fail "SMARTOS_PACKAGE_BASE_TEXT no longer changes base's hash"
}

TESTS+=(dependency_order parallel_build install_steps_one_at_a_time hash_mismatch_rejected interrupted_build_resumes config_change_rebuilds_only_affected deselected_package_vanishes rebuilt_dependency_wins_in_target host_and_autotools_packages kconfig_package failure_report noop_make_does_nothing show_info_and_savedefconfig config_vars_ignore)
