# shellcheck shell=bash
# Framework tests: the toolchain wrapper, host paths leaking into the target, the internal toolchain and gcc on the target.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# The real toolchain-external and toolchain-wrapper packages with the host's gcc:
# flags added, host paths refused, sysroot and exit status (with a stand-in
# compiler), and a configuration change reaching the wrapper.
test_toolchain_wrapper() {
	new_tree wrapper
	rm -rf "$T/package/toolchain-external"
	ln -s "$TOP/toolchain/toolchain-external" "$TOP/toolchain/toolchain-wrapper" "$T/package/"
	defconfig
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	local w=$T/output/host/bin/x86_64-linux-gnu-gcc dir=$SCRATCH/wrapper/work
	mkdir -p "$dir"
	expect_file "$T/output/host/etc/smartos-toolchain-wrapper.conf" || return
	cat >"$dir/hello.c" <<-'C'
		#include <stdio.h>
		#include <string.h>
		int main(void) { char b[16]; strcpy(b, "hello wrapper"); puts(b); return 0; }
	C
	SMARTOS_WRAPPER_DEBUG=1 "$w" "$dir/hello.c" -o "$dir/hello" 2>"$dir/debug" ||
		{ fail "compiling through the wrapper failed: $(cat "$dir/debug")"; return; }
	expect_contains "$dir/debug" "runs: /usr/bin/x86_64-linux-gnu-gcc -O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2 -fPIE -pie -Wl,-z,relro -Wl,-z,now $dir/hello.c -o $dir/hello" || return
	[ "$("$dir/hello")" = "hello wrapper" ] || { fail "hello printed '$("$dir/hello")'"; return; }
	readelf -d "$dir/hello" >"$dir/dynamic"
	expect_contains "$dir/dynamic" "BIND_NOW" || return
	expect_contains "$dir/dynamic" "PIE" || return
	# -c: no link flags; -O0 from the caller: no _FORTIFY_SOURCE.
	SMARTOS_WRAPPER_DEBUG=1 "$w" -O0 -c "$dir/hello.c" -o "$dir/hello.o" 2>"$dir/debug" || { fail "-c failed"; return; }
	expect_not_contains "$dir/debug" "-pie" || return
	expect_not_contains "$dir/debug" "_FORTIFY_SOURCE" || return
	# The build machine's include and library paths are refused, naming the path.
	local bad
	for bad in "-I/usr/include" "-isystem /usr/local/include" "-L /usr/lib/x86_64-linux-gnu" \
		"-Wl,-rpath-link,/usr/lib" "-L/lib64"; do
		# shellcheck disable=SC2086 # split "-L DIR" into two arguments
		if "$w" $bad "$dir/hello.c" -o "$dir/bad" 2>"$dir/refused"; then
			fail "the wrapper accepted $bad"
			return
		fi
		expect_contains "$dir/refused" "refusing the build machine's path ${bad##*[ ,LI]}" || return
	done
	# A stand-in real compiler: the sysroot (relative to the wrapper) and the
	# exit status come through.
	local fake=$SCRATCH/wrapper/fake
	mkdir -p "$fake/host/bin" "$fake/host/etc" "$fake/staging"
	cp "$T/output/host/libexec/smartos/toolchain-wrapper" "$fake/host/bin/t-gcc"
	printf '#!/bin/sh\necho "$*" >%s/args\nexit 42\n' "$fake" >"$fake/host/bin/t-gcc.real"
	chmod +x "$fake/host/bin/t-gcc.real"
	printf 'real_suffix=.real\nsysroot=../../staging\ncflags=-Os\npie=n\n' \
		>"$fake/host/etc/smartos-toolchain-wrapper.conf"
	local rc=0
	"$fake/host/bin/t-gcc" -c x.c || rc=$?
	[ "$rc" = 42 ] || { fail "exit status $rc, expected the real compiler's 42"; return; }
	[ "$(cat "$fake/args")" = "--sysroot=$fake/staging -Os -c x.c" ] ||
		{ fail "real compiler got '$(cat "$fake/args")', expected '--sysroot=$fake/staging -Os -c x.c'"; return; }
	# ccache (SMARTOS_WRAPPER_CCACHE): the wrapper runs it in front of the real
	# compiler, which ccache identifies by compiler_id, not by its file's time: a
	# rebuilt compiler (a new file) with the same id hits, another id misses.
	local cc=$SCRATCH/wrapper/ccache
	mkdir -p "$cc/host/bin" "$cc/host/etc"
	cp "$T/output/host/libexec/smartos/toolchain-wrapper" "$cc/host/bin/t-gcc"
	# (a script: a copy of gcc's driver would not find cc1)
	printf '#!/bin/sh\nexec /usr/bin/x86_64-linux-gnu-gcc "$@"\n' >"$cc/host/bin/t-gcc.real"
	chmod +x "$cc/host/bin/t-gcc.real"
	printf 'real_suffix=.real\ncompiler_id=test-1\n' >"$cc/host/etc/smartos-toolchain-wrapper.conf"
	cc_hits() { CCACHE_DIR=$cc/dir ccache --print-stats | awk '$1 ~ /^(direct|preprocessed)_cache_hit$/ { n += $2 } END { print n + 0 }'; }
	cc_compile() {
		SMARTOS_WRAPPER_DEBUG=1 SMARTOS_WRAPPER_CCACHE=ccache CCACHE_DIR=$cc/dir \
			"$cc/host/bin/t-gcc" -c "$dir/hello.c" -o "$dir/hello.o" 2>"$dir/debug"
	}
	cc_compile || { fail "compiling through the wrapper and ccache failed: $(cat "$dir/debug")"; return; }
	expect_contains "$dir/debug" "runs: CCACHE_COMPILERCHECK=string:test-1 ccache $cc/host/bin/t-gcc.real -c" || return
	[ "$(cc_hits)" = 0 ] || { fail "a fresh ccache directory had a hit"; return; }
	printf '#!/bin/sh\n# rebuilt\nexec /usr/bin/x86_64-linux-gnu-gcc "$@"\n' >"$cc/host/bin/t-gcc.real"
	touch -d '2001-01-01' "$cc/host/bin/t-gcc.real"
	cc_compile || { fail "second compilation failed: $(cat "$dir/debug")"; return; }
	[ "$(cc_hits)" = 1 ] || { fail "a rebuilt compiler with the same compiler_id missed ccache ($(cc_hits) hits)"; return; }
	printf 'real_suffix=.real\ncompiler_id=test-2\n' >"$cc/host/etc/smartos-toolchain-wrapper.conf"
	cc_compile || { fail "third compilation failed: $(cat "$dir/debug")"; return; }
	[ "$(cc_hits)" = 1 ] || { fail "another compiler_id hit ccache"; return; }
	# Configuration: no stack protector, no PIE -> the wrapper's flags follow.
	set_config SMARTOS_TARGET_SSP_STRONG n || return
	set_config SMARTOS_TARGET_SSP_NONE y || return
	set_config SMARTOS_TARGET_PIE n || return
	mk || { fail "make after the config change failed: $(tail -n 20 "$OUT")"; return; }
	SMARTOS_WRAPPER_DEBUG=1 "$w" "$dir/hello.c" -o "$dir/hello" 2>"$dir/debug" || { fail "compile failed"; return; }
	expect_contains "$dir/debug" "runs: /usr/bin/x86_64-linux-gnu-gcc -O2 -D_FORTIFY_SOURCE=2 -Wl,-z,relro -Wl,-z,now $dir/hello.c" || return
}

# check-elf at image time: a target program whose RUNPATH points at the build
# machine (made with the host's gcc directly, as a broken package would) fails
# the build, naming the file and the path.
test_elf_leak_check() {
	new_tree leak
	kconfig_add 'config SMARTOS_PACKAGE_LEAKY
	bool "leaky"
config SMARTOS_PACKAGE_LEAKY_OUTPUT
	bool "RUNPATH into the output directory"'
	mkdir -p "$SRC/leaky"
	printf 'int main(void) { return 0; }\n' >"$SRC/leaky/leaky.c"
	mkpkg leaky <<-MK
		LEAKY_VERSION = 1
		LEAKY_SITE = $SRC/leaky
		LEAKY_SITE_METHOD = local
		LEAKY_RPATH = \$(if \$(SMARTOS_PACKAGE_LEAKY_OUTPUT),\$(HOST_DIR)/lib,/usr/lib/x86_64-linux-gnu)
		define LEAKY_BUILD_CMDS
			gcc -o \$(@D)/leaky \$(@D)/leaky.c -Wl,--enable-new-dtags,-rpath,\$(LEAKY_RPATH)
		endef
		define LEAKY_INSTALL_TARGET_CMDS
			install -D \$(@D)/leaky \$(TARGET_DIR)/usr/bin/leaky
		endef
		\$(eval \$(generic-package))
	MK
	defconfig SMARTOS_PACKAGE_LEAKY=y SMARTOS_TEST_GLIBC=y
	if mk; then fail "image step passed with RUNPATH /usr/lib/x86_64-linux-gnu"; return; fi
	expect_contains "$OUT" "ERROR: /usr/bin/leaky: RUNPATH /usr/lib/x86_64-linux-gnu points outside the target" || return
	set_config SMARTOS_PACKAGE_LEAKY_OUTPUT y || return
	if mk; then fail "image step passed with a RUNPATH into the output directory"; return; fi
	expect_contains "$OUT" "ERROR: /usr/bin/leaky: RUNPATH $T/output/per-package/leaky/host/lib is a build machine path" || return
}

# The internal toolchain's packaging without building gcc: a stand-in
# host-gcc-final (a script answering -print-file-name and logging its
# arguments) and glibc, with the real toolchain-internal and wrapper packages:
# the drivers become <tuple>-gcc.real behind the wrapper, the wrapper's sysroot
# is the staging directory next to it (per-package directory and final tree),
# libgcc_s reaches the target, and libstdc++ (by toolchain-runtime) only when
# SMARTOS_TOOLCHAIN_TARGET_LIBSTDCXX asks for it.
test_toolchain_internal_packaging() {
	new_tree internal
	ln -s "$TOP/toolchain/toolchain-internal" "$TOP/toolchain/toolchain-wrapper" "$TOP/toolchain/toolchain-runtime" "$T/package/"
	mkpkg gcc-final <<-'MK'
		HOST_GCC_FINAL_VERSION = 12.2.0
		define HOST_GCC_FINAL_INSTALL_CMDS
			mkdir -p $(HOST_DIR)/bin $(HOST_DIR)/x86_64-smartos-linux-gnu/lib64
			printf '%s\n' '#!/bin/sh' \
				'lib=$$(dirname "$$0")/../x86_64-smartos-linux-gnu/lib64' \
				'for a; do case "$$a" in -print-file-name=*) f=$${a#*=}; if [ -e "$$lib/$$f" ]; then echo "$$lib/$$f"; else echo "$$f"; fi; exit 0;; esac; done' \
				'echo "$$*" >"$$FAKE_GCC_LOG"' > $(HOST_DIR)/bin/x86_64-smartos-linux-gnu-gcc
			chmod +x $(HOST_DIR)/bin/x86_64-smartos-linux-gnu-gcc
			cp $(HOST_DIR)/bin/x86_64-smartos-linux-gnu-gcc $(HOST_DIR)/bin/x86_64-smartos-linux-gnu-g++
			cd $(HOST_DIR)/x86_64-smartos-linux-gnu/lib64 && echo libgcc_s >libgcc_s.so.1 && \
				echo libstdc++ >libstdc++.so.6.0.30 && ln -sf libstdc++.so.6.0.30 libstdc++.so.6 && \
				echo gdb >libstdc++.so.6.0.30-gdb.py
		endef
		$(eval $(host-generic-package))
	MK
	mkpkg glibc <<-'MK'
		GLIBC_VERSION = test
		GLIBC_ADD_TOOLCHAIN_DEPENDENCY = NO
		GLIBC_INSTALL_STAGING = YES
		define GLIBC_INSTALL_STAGING_CMDS
			install -D -m 644 /dev/null $(STAGING_DIR)/usr/include/stdio.h
		endef
		define GLIBC_INSTALL_TARGET_CMDS
			install -D /lib64/ld-linux-x86-64.so.2 $(TARGET_DIR)/lib64/ld-linux-x86-64.so.2
			install -D /lib/x86_64-linux-gnu/libc.so.6 $(TARGET_DIR)/lib/libc.so.6
		endef
		$(eval $(generic-package))
	MK
	kconfig_add 'config SMARTOS_PACKAGE_TOOLCHAIN_INTERNAL
	bool "toolchain-internal"'
	defconfig SMARTOS_TOOLCHAIN_INTERNAL=y SMARTOS_PACKAGE_TOOLCHAIN_INTERNAL=y
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	expect_no_file "$T/output/target/usr/lib/libstdc++.so.6" || return
	set_config SMARTOS_TOOLCHAIN_TARGET_LIBSTDCXX y || return
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	local bin=$T/output/host/bin w=$T/output/host/bin/x86_64-smartos-linux-gnu-gcc log=$SCRATCH/internal/gcc.log
	[ "$(head -c 4 "$w")" = $'\x7fELF' ] || { fail "$w is not the wrapper"; return; }
	expect_file "$bin/x86_64-smartos-linux-gnu-gcc.real" || return
	expect_file "$bin/x86_64-smartos-linux-gnu-g++.real" || return
	expect_contains "$T/output/host/etc/smartos-toolchain-wrapper.conf" "sysroot=../../staging" || return
	FAKE_GCC_LOG=$log "$w" -c x.c || { fail "the wrapper failed"; return; }
	[ "$(cat "$log")" = "--sysroot=$T/output/staging -O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2 -fPIE -c x.c" ] ||
		{ fail "real gcc got '$(cat "$log")'"; return; }
	# With ccache, the wrapper names host-gcc-final by its input hash.
	local id
	id=$(make -C "$T" -s --no-print-directory host-gcc-final-show-hash) ||
		{ fail "host-gcc-final-show-hash failed"; return; }
	expect_contains "$T/output/host/etc/smartos-toolchain-wrapper.conf" \
		"compiler_id=smartos-x86_64-smartos-linux-gnu-gcc-12.2.0-$id" || return
	# In a package's per-package directory the sysroot is that package's staging.
	FAKE_GCC_LOG=$log "$T/output/per-package/toolchain-internal/host/bin/x86_64-smartos-linux-gnu-g++" -c x.cc ||
		{ fail "the per-package wrapper failed"; return; }
	expect_contains "$log" "--sysroot=$T/output/per-package/toolchain-internal/staging -O2" || return
	expect_file "$T/output/target/lib/libgcc_s.so.1" || return
	expect_contains "$T/output/target/usr/lib/libstdc++.so.6" "libstdc++" || return
	expect_contains "$T/output/build/toolchain-runtime/smartos-build.log" "Installing to target" || return
	expect_no_file "$T/output/target/usr/lib/libstdc++.so.6.0.30-gdb.py" || return
}

# gcc on the target, its packaging (package/gcc-target/target-dev-files) without
# building gcc: from a stand-in sysroot and cross compiler directory, headers,
# start files, linker scripts and libgcc go to the target, static C libraries
# and run-time ELF libraries do not; a missing start file is an error naming it.
test_gcc_target_dev_files() {
	local d=$SCRATCH/devfiles script=$TOP/package/gcc-target/target-dev-files
	local st=$d/staging gl=$d/host/lib/gcc/x-smartos-linux-gnu/12.2.0 tg=$d/target
	mkdir -p "$st/usr/include/linux" "$st/usr/lib" "$st/lib" "$gl" "$tg/lib"
	echo '/* stdio */' >"$st/usr/include/stdio.h"
	echo '/* types */' >"$st/usr/include/linux/types.h"
	for f in crt1.o crti.o crtn.o Scrt1.o libc_nonshared.a libc.a libm.a; do echo "$f" >"$st/usr/lib/$f"; done
	echo 'GROUP ( /lib/libc.so.6 /usr/lib/libc_nonshared.a )' >"$st/usr/lib/libc.so"
	ln -s ../../lib/libresolv.so.2 "$st/usr/lib/libresolv.so"
	cp /bin/true "$st/usr/lib/libelfonly.so"
	for f in crtbegin.o crtbeginS.o crtend.o crtendS.o libgcc.a libgcc_eh.a; do echo "$f" >"$gl/$f"; done
	"$script" "$st" "$gl" "$tg" x-smartos-linux-gnu 12.2.0 >"$d/out" 2>&1 ||
		{ fail "target-dev-files failed: $(cat "$d/out")"; return; }
	local f
	for f in usr/include/stdio.h usr/include/linux/types.h usr/lib/crt1.o usr/lib/crti.o usr/lib/crtn.o \
		usr/lib/Scrt1.o usr/lib/libc_nonshared.a usr/lib/libc.so \
		usr/lib/gcc/x-smartos-linux-gnu/12.2.0/crtbegin.o usr/lib/gcc/x-smartos-linux-gnu/12.2.0/libgcc.a \
		usr/lib/gcc/x-smartos-linux-gnu/12.2.0/libgcc_eh.a; do
		expect_file "$tg/$f" || return
	done
	for f in usr/lib/libc.a usr/lib/libm.a usr/lib/libelfonly.so; do
		expect_no_file "$tg/$f" || return
	done
	[ "$(readlink "$tg/usr/lib/gcc/x-smartos-linux-gnu/12.2.0/libgcc_s.so")" = /lib/libgcc_s.so.1 ] ||
		{ fail "libgcc_s.so should link to /lib/libgcc_s.so.1"; return; }
	[ "$(readlink "$tg/usr/lib/libresolv.so")" = ../../lib/libresolv.so.2 ] ||
		{ fail "development links must stay links"; return; }
	rm "$st/usr/lib/crt1.o"
	if "$script" "$st" "$gl" "$d/target2" x-smartos-linux-gnu 12.2.0 >"$d/out" 2>&1; then
		fail "target-dev-files passed without crt1.o"
		return
	fi
	expect_contains "$d/out" "target-dev-files: $st/usr/lib/crt1.o is missing" || return
}

TESTS+=(toolchain_wrapper elf_leak_check toolchain_internal_packaging gcc_target_dev_files)
