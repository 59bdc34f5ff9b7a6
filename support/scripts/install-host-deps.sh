#!/bin/bash
# Install the Debian 12 packages smart-os needs on the build host.
# Usage: support/scripts/install-host-deps.sh [--check]
#   --check   only list the missing packages, and the commands the build runs
#             that its PATH does not find; exit 1 if any are missing.
# Run it as root to install; build as a normal user.
set -eu -o pipefail

packages=(
	# compilers and build tools
	build-essential flex bison bc gawk autoconf automake pkg-config gettext autopoint
	libelf-dev libssl-dev libncurses-dev ccache kmod openssl
	# the internal toolchain's gcc links the host's gmp, mpfr and mpc (docs/toolchain.md)
	libgmp-dev libmpfr-dev libmpc-dev
	# meson-package and cmake-package (package/pkg-meson.mk, pkg-cmake.mk);
	# gperf for fontconfig
	meson ninja-build cmake gperf
	# distributed compilation (SMARTOS_DISTCC and its test)
	distcc
	# downloads and archives
	ca-certificates wget curl git dpkg-dev shellcheck xz-utils bzip2 gzip cpio rsync file patch
	# images
	fakeroot e2fsprogs genimage mtools dosfstools xorriso
	# the qemu boards' kernel is lz4-compressed
	lz4
	# running and testing images
	qemu-system-x86 ovmf python3 python3-pexpect python3-pytest tmux time podman runc
	# host-side guest networking (board/qemu-x86_64/netbridge.sh, the network test)
	iproute2 dnsmasq-base
	# push and pull streams to and from the guest (test_streaming.py: ffmpeg, ffprobe)
	ffmpeg
	# ssh into the guest (test_access.py: ssh, ssh-keygen); dropbear links the
	# host toolchain's libcrypt
	openssh-client libcrypt-dev
	# Kconfig engine tests: the kernel tree as oracle, fuzzing, sanitizers, leaks
	linux-source-6.1 clang libclang-rt-14-dev valgrind
	# menuconfig tests: the atomic save is checked by tracing mconf's renames
	strace
	# the kconfig-frontends drop-in: its man pages are checked with groff, its
	# output against Debian's kconfig-frontends 4.11
	groff-base kconfig-frontends
	# graphs and charts (graph-depends: dot; graph-build/graph-size: rsvg-convert)
	graphviz librsvg2-bin
	# make sbom checks its SPDX document against the schema
	python3-jsonschema
	# qemu built from source for the build machine (SMARTOS_PACKAGE_HOST_QEMU,
	# package/qemu): the libraries it links, and the guest firmware it loads;
	# the 32-bit libgcc its x86 option ROMs link (not gcc-multilib, which
	# conflicts with Debian's cross compilers)
	libglib2.0-dev libpixman-1-dev libslirp-dev libfdt-dev zlib1g-dev seabios ipxe-qemu
	lib32gcc-12-dev
	# the C.UTF-8 locale for the target (SMARTOS_TOOLCHAIN_TARGET_LOCALE_C_UTF8):
	# localedef's sources
	locales
	# Debian's cross compiler for aarch64 targets: the host's gcc as external
	# toolchain (SMARTOS_TOOLCHAIN_EXTERNAL_HOST) when SMARTOS_ARCH is aarch64,
	# GRUB's arm64-efi boot code, and the cross-build framework test
	gcc-aarch64-linux-gnu libc6-dev-arm64-cross
	# the aarch64 board (board/qemu-aarch64-virt): qemu's virt machine and
	# its UEFI firmware (AAVMF)
	qemu-system-arm qemu-efi-aarch64
)

# Commands the build runs itself (command:package). A package can be installed
# and its command still not found: Debian keeps some in /usr/sbin and /sbin,
# which a normal user's PATH lacks.
commands=(
	gcc:build-essential make:build-essential patch:patch flex:flex bison:bison bc:bc gawk:gawk
	rsync:rsync cpio:cpio tar:tar gzip:gzip xz:xz-utils bzip2:bzip2 curl:curl git:git
	flock:util-linux openssl:openssl fakeroot:fakeroot mke2fs:e2fsprogs debugfs:e2fsprogs
	depmod:kmod genimage:genimage mkfs.vfat:dosfstools mcopy:mtools
	qemu-system-x86_64:qemu-system-x86 qemu-system-aarch64:qemu-system-arm localedef:libc-bin
)

missing=()
for p in "${packages[@]}"; do
	if ! dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed; then
		missing+=("$p")
	fi
done

# check_commands: the build's PATH is this one with /usr/sbin and /sbin added
# at its end where they lack (as the top-level Makefile does). Prints what it
# cannot find (and what only the added directories give); fails if anything
# is not found.
check_commands() {
	local PATH=$PATH d c added='' notfound=() via=()
	for d in /usr/sbin /sbin; do
		case ":$PATH:" in *":$d:"*) ;; *) PATH=$PATH:$d added+=" $d" ;; esac
	done
	for c in "${commands[@]}"; do
		if ! command -v "${c%%:*}" >/dev/null; then
			notfound+=("${c%%:*} (${c#*:})")
		elif [ -n "$added" ] && ! PATH=${PATH%"${added// /:}"} command -v "${c%%:*}" >/dev/null; then
			via+=("${c%%:*}")
		fi
	done
	if [ ${#via[@]} -gt 0 ]; then
		echo "note: your PATH lacks ${added# }: the build adds them (for $(printf '%s\n' "${via[@]}" | sort | tr '\n' ' ' | sed 's/ $//'))"
	fi
	if [ ${#notfound[@]} -gt 0 ]; then
		echo "host commands not found in the build's PATH ($PATH): ${notfound[*]}" >&2
		return 1
	fi
}

commands_ok=1
if [ "${1:-}" = "--check" ]; then
	check_commands || commands_ok=0
fi
if [ "${#missing[@]}" -eq 0 ] && [ "$commands_ok" = 1 ]; then
	echo "host dependencies: all ${#packages[@]} packages installed"
	exit 0
fi
if [ "${1:-}" = "--check" ]; then
	if [ "${#missing[@]}" -gt 0 ]; then
		echo "host dependencies missing: ${missing[*]}" >&2
		echo "run: $0   (as root) to install them" >&2
	fi
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "error: missing host packages: ${missing[*]}" >&2
	echo "install them as root: apt-get install ${missing[*]}" >&2
	exit 1
fi
echo "installing host packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q "${missing[@]}"
