# shellcheck shell=bash
# Helpers of the framework tests (sourced by run-tests and by each test process).

# --- helpers -----------------------------------------------------------------------
# fail MESSAGE: report a failed check and mark the test as failed (run-tests
# reads the mark: a test fails even if its last command succeeds).
fail() {
	echo "    FAIL: $*"
	[ -z "${FAIL_MARK:-}" ] || printf '%s\n' "$*" >>"$FAIL_MARK"
	return 1
}
# on_error STATUS COMMAND FILE LINE: the ERR trap of a test process (errexit
# ends the test); named once, for the command that failed first.
# (It ends with an explicit return: bash 5.2 complains "pop_var_context" when
# a function an ERR trap calls falls off its end.)
on_error() {
	if [ -z "${FAIL_MARK:-}" ] || [ ! -e "$FAIL_MARK" ]; then
		fail "'$2' exited with status $1 ($3:$4)" || true
	fi
	return 0
}
expect_contains() { # file text
	grep -qF -- "$2" "$1" || fail "expected '$2' in $1; it has:$(printf '\n'; sed 's/^/      /' "$1" | tail -n 20)"
}
expect_not_contains() { # file text
	! grep -qF -- "$2" "$1" || fail "did not expect '$2' in $1"
}
expect_file() { [ -e "$1" ] || fail "expected file $1"; }
expect_no_file() { [ ! -e "$1" ] || fail "expected no file $1"; }

# new_tree NAME: a scratch tree $T with its own package/, sources in $SRC, downloads in $DL.
new_tree() {
	T=$SCRATCH/$1/tree SRC=$SCRATCH/$1/src DL=$SCRATCH/$1/dl
	mkdir -p "$T/package" "$T/configs" "$SRC" "$DL"
	ln -s "$TOP/Makefile" "$TOP/Kconfig" "$TOP/arch" "$TOP/support" "$TOP/system" "$TOP/fs" "$T/"
	for f in "$TOP"/package/pkg-*.mk "$TOP/package/Makefile.in"; do
		ln -s "$f" "$T/package/"
	done
	# The toolchain's options and virtual package; the toolchain packages are
	# the tests' own (below, or linked by a test). No kernel, no bootloader.
	mkdir -p "$T/toolchain" "$T/linux" "$T/boot"
	ln -s "$TOP/toolchain/Kconfig" "$TOP/toolchain/toolchain.mk" "$T/toolchain/"
	: >"$T/linux/Kconfig"
	: >"$T/boot/Kconfig"
	: >"$T/package/Kconfig.list"
	export SMARTOS_DL_DIR=$DL
	# The toolchain of the tests: the host's gcc as TARGET_CC (no wrapper: see
	# test_toolchain_wrapper for that), optionally the host's glibc runtime.
	mkpkg toolchain-external <<-'MK'
		TOOLCHAIN_EXTERNAL_VERSION = test
		TOOLCHAIN_EXTERNAL_CONFIG_VARS = SMARTOS_TEST_GLIBC
		TOOLCHAIN_EXTERNAL_CONFIG_VARS += SMARTOS_DISTCC
		# (with distcc the compilers are called by name from PATH, as in the real package)
		define TOOLCHAIN_EXTERNAL_BUILD_CMDS
			mkdir -p $(HOST_DIR)/bin
			$(if $(filter y,$(SMARTOS_DISTCC)),,ln -sfn "$$(command -v x86_64-linux-gnu-gcc)" $(HOST_DIR)/bin/x86_64-linux-gnu-gcc)
		endef
		ifeq ($(SMARTOS_TEST_GLIBC),y)
		define TOOLCHAIN_EXTERNAL_INSTALL_TARGET_CMDS
			install -D /lib64/ld-linux-x86-64.so.2 $(TARGET_DIR)/lib64/ld-linux-x86-64.so.2
			install -D /lib/x86_64-linux-gnu/libc.so.6 $(TARGET_DIR)/lib/x86_64-linux-gnu/libc.so.6
		endef
		endif
		$(eval $(generic-package))
	MK
	kconfig_add 'config SMARTOS_PACKAGE_TOOLCHAIN_EXTERNAL
	bool
	default y
config SMARTOS_TEST_GLIBC
	bool "copy the host glibc runtime"'
}

# mkpkg NAME < mk-text: package/NAME/NAME.mk
mkpkg() {
	mkdir -p "$T/package/$1"
	cat >"$T/package/$1/$1.mk"
}

# kconfig_add TEXT: append Kconfig entries for the test packages.
kconfig_add() {
	printf '%s\n' "$1" >>"$T/package/Kconfig.list"
	{
		echo 'menu "Test packages"'
		cat "$T/package/Kconfig.list"
		echo 'endmenu'
	} >"$T/package/Kconfig"
}

# simple_pkg NAME VERSION [DEPS]: a tarball package in $SRC whose build writes
# its name to a log and installs /usr/share/NAME.txt; Kconfig symbol + hash file.
simple_pkg() {
	local name=$1 version=$2 deps=${3:-} up
	up=$(echo "$name" | tr 'a-z-' 'A-Z_')
	mkdir -p "$SRC/$name-$version"
	echo "$name $version" >"$SRC/$name-$version/$name.txt"
	tar -C "$SRC" --sort=name --mtime=@0 -czf "$SRC/$name-$version.tar.gz" "$name-$version"
	mkpkg "$name" <<-MK
		${up}_VERSION = $version
		${up}_SITE = file://$SRC
		${up}_LICENSE = MIT
		${up}_DEPENDENCIES = $deps
		define ${up}_BUILD_CMDS
			echo "\$(SMARTOS_PACKAGE_${up}_TEXT)" > \$(@D)/option
			echo "$name" >> $SCRATCH/build-order
			if env | grep -q '^O='; then echo "$name" >> $SCRATCH/o-leaked; fi
		endef
		define ${up}_INSTALL_TARGET_CMDS
			install -D -m 644 \$(@D)/$name.txt \$(TARGET_DIR)/usr/share/$name.txt
			install -D -m 644 \$(@D)/option \$(TARGET_DIR)/usr/share/$name.option
		endef
		\$(eval \$(generic-package))
	MK
	(cd "$SRC" && echo "sha256  $(sha256sum "$name-$version.tar.gz" | cut -d' ' -f1)  $name-$version.tar.gz") \
		>"$T/package/$name/$name.hash"
	local selects=''
	for d in $deps; do selects+="	select SMARTOS_PACKAGE_$(echo "$d" | tr 'a-z-' 'A-Z_')"$'\n'; done
	kconfig_add "config SMARTOS_PACKAGE_${up}
	bool \"$name\"
${selects}config SMARTOS_PACKAGE_${up}_TEXT
	string \"$name text\"
	default \"$name default\"
	depends on SMARTOS_PACKAGE_${up}"
}

# defconfig LINES...: configs/test_defconfig and load it.
defconfig() {
	printf '%s\n' "$@" SMARTOS_TARGET_ROOTFS_TAR=y >"$T/configs/test_defconfig"
	mk test_defconfig >/dev/null || fail "make test_defconfig failed: $(tail -n 5 "$OUT")"
}

# mk ARGS...: make in the tree; output in $OUT (also returned status).
mk() {
	OUT=$SCRATCH/last-make.out
	make -C "$T" --no-print-directory "$@" >"$OUT" 2>&1
}

set_config() { # SYMBOL VALUE|n
	local c=$T/output/.config
	sed -i "/^$1=/d; /^# $1 is not set/d" "$c"
	if [ "$2" = n ]; then echo "# $1 is not set" >>"$c"; else echo "$1=$2" >>"$c"; fi
	mk olddefconfig >/dev/null || fail "make olddefconfig failed"
}

# mk_top ARGS...: make in this (unmodified) tree; output in $OUT.
mk_top() {
	OUT=$SCRATCH/last-make.out
	make -C "$TOP" --no-print-directory "$@" >"$OUT" 2>&1
}
