# shellcheck shell=bash
# Framework tests: the target architecture as a dimension (arch/arch.mk), the
# ELF machine check, and a cross build with Debian's aarch64 cross compiler.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# The values arch/arch.mk derives, for each architecture of the choice, as
# "make printvars" shows them.
test_arch_variables() {
	new_tree archvars
	local vars="ARCH GNU_TARGET_NAME ARCH_DEBIAN_TUPLE ARCH_DEBIAN_NAME ARCH_OCI_NAME KERNEL_ARCH KERNEL_DEFCONFIG \
KERNEL_IMAGE KERNEL_IMAGE_PATH ARCH_ELF_MACHINE ARCH_DYNAMIC_LOADER ARCH_QEMU_TARGET ARCH_QEMU_SYSTEM \
ARCH_QEMU_MACHINE ARCH_GRUB_BIOS_PLATFORM ARCH_GRUB_EFI_PLATFORM ARCH_EFI_BOOT_FILE ARCH_TARGET_CFLAGS \
TOOLCHAIN_TUPLE TOOLCHAIN_EXTERNAL_DEBIAN_CROSS"
	local expected=$SCRATCH/archvars/expected actual=$SCRATCH/archvars/actual
	defconfig
	mk -s printvars VARS="$vars" || { fail "printvars failed: $(tail -n 5 "$OUT")"; return; }
	cat >"$expected" <<-'EOF'
		ARCH=x86_64
		GNU_TARGET_NAME=x86_64-smartos-linux-gnu
		ARCH_DEBIAN_TUPLE=x86_64-linux-gnu
		ARCH_DEBIAN_NAME=amd64
		ARCH_OCI_NAME=amd64
		KERNEL_ARCH=x86
		KERNEL_DEFCONFIG=x86_64_defconfig
		KERNEL_IMAGE=bzImage
		KERNEL_IMAGE_PATH=arch/x86/boot/bzImage
		ARCH_ELF_MACHINE=Advanced Micro Devices X86-64
		ARCH_DYNAMIC_LOADER=/lib64/ld-linux-x86-64.so.2
		ARCH_QEMU_TARGET=x86_64
		ARCH_QEMU_SYSTEM=qemu-system-x86_64
		ARCH_QEMU_MACHINE=pc
		ARCH_GRUB_BIOS_PLATFORM=i386-pc
		ARCH_GRUB_EFI_PLATFORM=x86_64-efi
		ARCH_EFI_BOOT_FILE=BOOTX64.EFI
		ARCH_TARGET_CFLAGS=
		TOOLCHAIN_TUPLE=x86_64-linux-gnu
		TOOLCHAIN_EXTERNAL_DEBIAN_CROSS=
	EOF
	# (the build machine is an x86_64 Debian: the host's gcc is native)
	cp "$OUT" "$actual"
	diff -u "$expected" "$actual" >"$SCRATCH/archvars/diff" ||
		{ fail "x86_64: expected (-) and actual (+) values differ:$(printf '\n'; cat "$SCRATCH/archvars/diff")"; return; }
	defconfig SMARTOS_aarch64=y
	mk -s printvars VARS="$vars" || { fail "printvars failed: $(tail -n 5 "$OUT")"; return; }
	cat >"$expected" <<-'EOF'
		ARCH=aarch64
		GNU_TARGET_NAME=aarch64-smartos-linux-gnu
		ARCH_DEBIAN_TUPLE=aarch64-linux-gnu
		ARCH_DEBIAN_NAME=arm64
		ARCH_OCI_NAME=arm64
		KERNEL_ARCH=arm64
		KERNEL_DEFCONFIG=defconfig
		KERNEL_IMAGE=Image
		KERNEL_IMAGE_PATH=arch/arm64/boot/Image
		ARCH_ELF_MACHINE=AArch64
		ARCH_DYNAMIC_LOADER=/lib/ld-linux-aarch64.so.1
		ARCH_QEMU_TARGET=aarch64
		ARCH_QEMU_SYSTEM=qemu-system-aarch64
		ARCH_QEMU_MACHINE=virt
		ARCH_GRUB_BIOS_PLATFORM=
		ARCH_GRUB_EFI_PLATFORM=arm64-efi
		ARCH_EFI_BOOT_FILE=BOOTAA64.EFI
		ARCH_TARGET_CFLAGS=-march=armv8-a
		TOOLCHAIN_TUPLE=aarch64-linux-gnu
		TOOLCHAIN_EXTERNAL_DEBIAN_CROSS=y
	EOF
	cp "$OUT" "$actual"
	diff -u "$expected" "$actual" >"$SCRATCH/archvars/diff" ||
		{ fail "aarch64: expected (-) and actual (+) values differ:$(printf '\n'; cat "$SCRATCH/archvars/diff")"; return; }
	# An architecture arch/arch.mk has no block for is refused, naming it.
	mk -s printvars VARS=ARCH SMARTOS_ARCH=riscv64 && { fail "make accepted SMARTOS_ARCH=riscv64"; return; }
	expect_contains "$OUT" 'SMARTOS_ARCH="riscv64": arch/arch.mk has no block for this architecture' || return
}

# A package that puts a program of the build machine (x86_64, the host's gcc
# called directly, as a package with a hard-coded compiler would) into an
# aarch64 target: the image step's ELF check fails, naming the file and both
# machines. The same package passes for an x86_64 target.
test_elf_machine_check() {
	new_tree machine
	kconfig_add 'config SMARTOS_PACKAGE_HOSTBIN
	bool "hostbin"'
	mkdir -p "$SRC/hostbin"
	printf 'int main(void) { return 0; }\n' >"$SRC/hostbin/hostbin.c"
	mkpkg hostbin <<-MK
		HOSTBIN_VERSION = 1
		HOSTBIN_SITE = $SRC/hostbin
		HOSTBIN_SITE_METHOD = local
		define HOSTBIN_BUILD_CMDS
			gcc -o \$(@D)/hostbin \$(@D)/hostbin.c
			gcc -static -o \$(@D)/hostbin-static \$(@D)/hostbin.c
		endef
		define HOSTBIN_INSTALL_TARGET_CMDS
			install -D \$(@D)/hostbin \$(TARGET_DIR)/usr/bin/hostbin
			install -D \$(@D)/hostbin-static \$(TARGET_DIR)/usr/bin/hostbin-static
		endef
		\$(eval \$(generic-package))
	MK
	defconfig SMARTOS_PACKAGE_HOSTBIN=y SMARTOS_TEST_GLIBC=y
	mk || { fail "make for x86_64 failed: $(tail -n 20 "$OUT")"; return; }
	set_config SMARTOS_x86_64 n || return
	set_config SMARTOS_aarch64 y || return
	if mk; then fail "image step passed with x86_64 programs in an aarch64 target"; return; fi
	expect_contains "$OUT" "ERROR: /usr/bin/hostbin: ELF machine Advanced Micro Devices X86-64, but the target's is AArch64" || return
	# static programs too (they have no interpreter or libraries to check)
	expect_contains "$OUT" "ERROR: /usr/bin/hostbin-static: ELF machine Advanced Micro Devices X86-64, but the target's is AArch64" || return
	# and the stand-in C library this test tree copies from the build machine
	expect_contains "$OUT" "ERROR: /lib64/ld-linux-x86-64.so.2: ELF machine Advanced Micro Devices X86-64" || return
	# check-elf itself: an aarch64 object in an x86_64 tree.
	command -v aarch64-linux-gnu-gcc >/dev/null ||
		{ fail "aarch64-linux-gnu-gcc is missing (support/scripts/install-host-deps.sh)"; return; }
	local d=$SCRATCH/machine/direct
	mkdir -p "$d/lib/modules"
	aarch64-linux-gnu-gcc -c -o "$d/lib/modules/thing.ko" "$SRC/hostbin/hostbin.c"
	if "$TOP/support/scripts/check-elf" --machine "Advanced Micro Devices X86-64" "$d" >"$d/err" 2>&1; then
		fail "check-elf accepted an AArch64 object in an x86_64 target"
		return
	fi
	expect_contains "$d/err" "ERROR: /lib/modules/thing.ko: ELF machine AArch64, but the target's is Advanced Micro Devices X86-64" || return
	"$TOP/support/scripts/check-elf" --machine AArch64 "$d" >"$d/out" 2>&1 ||
		{ fail "check-elf refused an AArch64 object in an aarch64 target: $(cat "$d/out")"; return; }
}

# The real toolchain-external with SMARTOS_aarch64: "the host's gcc" is
# Debian's cross gcc. A C program comes out as an AArch64 executable with
# aarch64's interpreter; the glibc runtime in the target is Debian's cross
# one (/usr/aarch64-linux-gnu/lib), byte for byte; the wrapper gives the
# staging directory as sysroot, so a header only the build machine has is
# not found; getent (not in Debian's cross packages) is refused, naming its
# option.
test_cross_toolchain_aarch64() {
	{ command -v aarch64-linux-gnu-gcc >/dev/null && [ -f /usr/aarch64-linux-gnu/lib/libc.so.6 ]; } ||
		{ fail "Debian's aarch64 cross compiler is missing: apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross (support/scripts/install-host-deps.sh)"; return; }
	new_tree cross
	rm -rf "$T/package/toolchain-external"
	ln -s "$TOP/toolchain/toolchain-external" "$TOP/toolchain/toolchain-wrapper" "$T/package/"
	kconfig_add 'config SMARTOS_PACKAGE_HELLO
	bool "hello"'
	mkdir -p "$SRC/hello"
	cat >"$SRC/hello/hello.c" <<-'C'
		#include <math.h>
		#include <stdio.h>
		int main(int argc, char **argv) { printf("%f\n", sqrt((double)argc)); (void)argv; return 0; }
	C
	mkpkg hello <<-MK
		HELLO_VERSION = 1
		HELLO_SITE = $SRC/hello
		HELLO_SITE_METHOD = local
		define HELLO_BUILD_CMDS
			\$(TARGET_CC) \$(TARGET_CFLAGS) \$(TARGET_LDFLAGS) -o \$(@D)/hello \$(@D)/hello.c -lm
		endef
		define HELLO_INSTALL_TARGET_CMDS
			install -D \$(@D)/hello \$(TARGET_DIR)/usr/bin/hello
		endef
		\$(eval \$(generic-package))
	MK
	defconfig SMARTOS_aarch64=y SMARTOS_PACKAGE_HELLO=y
	if mk; then fail "the build copied a getent for aarch64 from somewhere"; return; fi
	expect_contains "$OUT" "toolchain-external: no /usr/aarch64-linux-gnu/usr/bin/getent in the toolchain's sysroot (SMARTOS_TOOLCHAIN_EXTERNAL_GETENT): Debian's cross packages have no target programs; say n to SMARTOS_TOOLCHAIN_EXTERNAL_GETENT" || return
	set_config SMARTOS_TOOLCHAIN_EXTERNAL_GETENT n || return
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	local o=$T/output dir=$SCRATCH/cross/work
	mkdir -p "$dir"
	readelf -h "$o/target/usr/bin/hello" >"$dir/header"
	expect_contains "$dir/header" "Machine:                           AArch64" || return
	readelf -lW "$o/target/usr/bin/hello" >"$dir/program"
	expect_contains "$dir/program" "[Requesting program interpreter: /lib/ld-linux-aarch64.so.1]" || return
	local lib
	for lib in ld-linux-aarch64.so.1 libc.so.6 libm.so.6 libgcc_s.so.1; do
		cmp -s "$o/target/lib/$lib" "$(readlink -f "/usr/aarch64-linux-gnu/lib/$lib")" ||
			{ fail "target /lib/$lib is not Debian's cross one (/usr/aarch64-linux-gnu/lib/$lib)"; return; }
		file -L "$o/target/lib/$lib" >"$dir/file"
		expect_contains "$dir/file" "ARM aarch64" || return
	done
	[ ! -L "$o/target/lib/ld-linux-aarch64.so.1" ] || { fail "the interpreter is a symbolic link (to itself?)"; return; }
	expect_no_file "$o/target/lib64" || return
	expect_contains "$o/build/rootfs/smartos-build.log" "dynamic ELF files checked, 0 problems" || return
	# The wrapper: the staging directory is the sysroot, the architecture's flags come in.
	expect_contains "$o/host/etc/smartos-toolchain-wrapper.conf" "sysroot=../../staging" || return
	expect_contains "$o/host/etc/smartos-toolchain-wrapper.conf" "cflags=-O2 -march=armv8-a -fstack-protector-strong" || return
	if [ -f /usr/include/zlib.h ]; then
		printf '#include <zlib.h>\nint main(void) { return 0; }\n' >"$dir/zlib.c"
		if "$o/host/bin/aarch64-linux-gnu-gcc" -c -o "$dir/zlib.o" "$dir/zlib.c" 2>"$dir/zlib.err"; then
			fail "the cross compiler found the build machine's /usr/include/zlib.h"
			return
		fi
	fi
	# The licence files are those of Debian's cross packages.
	mk -s printvars VARS=TOOLCHAIN_EXTERNAL_LICENSE_FILES || { fail "printvars failed"; return; }
	expect_contains "$OUT" "/usr/share/doc/libc6-arm64-cross/copyright /usr/share/doc/libgcc-s1-arm64-cross/copyright" || return
}

# The aarch64 board's run script: the qemu command line it makes (qemu's
# virt machine, the AAVMF firmware, TCG without a KVM probe, the disk first),
# and what it refuses (a BIOS boot, a missing firmware file).
test_aarch64_run_script() {
	local d=$SCRATCH/a64run
	mkdir -p "$d/images"
	: >"$d/images/disk.img"
	# A stand-in for qemu that prints its arguments, and firmware to find.
	printf '#!/bin/sh\nprintf "%%s\\n" "$@"\n' >"$d/qemu"
	chmod +x "$d/qemu"
	: >"$d/firmware.fd"
	local script=$TOP/board/qemu-aarch64-virt/start-qemu.sh
	(unset SMARTOS_QEMU_ACCEL; QEMU=$d/qemu SMARTOS_QEMU_AAVMF=$d/firmware.fd "$script" --no-data-disks "$d/images") \
		>"$d/args" 2>&1 || { fail "start-qemu.sh failed: $(cat "$d/args")"; return; }
	tr '\n' ' ' <"$d/args" >"$d/line"
	expect_contains "$d/line" "-drive file=$d/images/disk.img,if=virtio,format=raw -M virt,gic-version=3,acpi=off -cpu cortex-a57 -accel tcg " || return
	expect_contains "$d/line" "-bios $d/firmware.fd " || return
	expect_contains "$d/line" "-netdev user,id=net0,restrict=on -device virtio-net-pci,netdev=net0,romfile= -snapshot" || return
	if QEMU=$d/qemu SMARTOS_QEMU_AAVMF=$d/firmware.fd "$script" --bios "$d/images" >"$d/out" 2>&1; then
		fail "start-qemu.sh accepted --bios"; return
	fi
	expect_contains "$d/out" "the virt machine boots with UEFI firmware only (no --bios)" || return
	if QEMU=$d/qemu SMARTOS_QEMU_AAVMF=$d/missing.fd "$script" "$d/images" >"$d/out" 2>&1; then
		fail "start-qemu.sh started without its firmware"; return
	fi
	expect_contains "$d/out" "UEFI firmware $d/missing.fd not found (Debian package qemu-efi-aarch64, or set SMARTOS_QEMU_AAVMF)" || return
}

TESTS+=(arch_variables elf_machine_check cross_toolchain_aarch64 aarch64_run_script)
