################################################################################
# qemu: the machine emulator, built from source for the build machine
# (host-qemu only): the system emulator of the configuration's architecture
# ($(ARCH_QEMU_SYSTEM)) and, with SMARTOS_PACKAGE_HOST_QEMU_USER, its
# user-mode emulator (qemu-$(ARCH_QEMU_TARGET)), both named in arch/arch.mk. "make run" and the runtime tests use it
# when it is selected (board/common/qemu-common.sh), the build machine's
# qemu otherwise.
#
# Only what the run scripts use: TCG and KVM, user networking (libslirp),
# tap, virtio, raw and qcow2 disks (-snapshot), the monitor. No user
# interface (no GTK, SDL, VNC, curses), no documentation, no tools
# (qemu-img, qemu-nbd), no guest agent. It links the build machine's glib,
# pixman, zlib, libslirp and libfdt (support/scripts/install-host-deps.sh).
#
# Guest firmware: qemu's own x86 option ROMs (linuxboot_dma.bin, pvh.bin,
# ...) are compiled from this source; SeaBIOS, its VGA BIOS and the iPXE
# ROMs of the NICs come from the build machine's Debian packages seabios
# and ipxe-qemu (--firmwarepath), as for Debian's own qemu: Debian's qemu
# source has none of the prebuilt firmware files of qemu's release.
################################################################################

QEMU_VERSION = 7.2.22
# Debian's repack of the 7.2.0 release (qemu_7.2+dfsg.orig.tar.xz: the
# prebuilt firmware and ROM sources removed), brought to 7.2.22 by the
# upstream stable releases' diffs Debian carries (v7.2.1.diff ...
# v7.2.22.diff); Debian's own changes are left out.
QEMU_SOURCE = qemu_7.2+dfsg.orig.tar.xz
QEMU_APT_SOURCE = qemu
QEMU_APT_VERSION = 1:7.2+dfsg-7+deb12u18
QEMU_APT_DEBIAN_PATCHES = YES
QEMU_APT_DEBIAN_PATCHES_ONLY = $(foreach n,1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22,v7.2.$(n).diff)
QEMU_LICENSE = GPL-2.0 (qemu as a whole), GPL-2.0+, LGPL-2.1+, BSD-3-Clause, MIT (parts)
QEMU_LICENSE_FILES = COPYING COPYING.LIB LICENSE

# The emulators follow the configuration's architecture.
HOST_QEMU_CONFIG_VARS = SMARTOS_ARCH
HOST_QEMU_TARGETS = $(ARCH_QEMU_TARGET)-softmmu $(if $(filter y,$(SMARTOS_PACKAGE_HOST_QEMU_USER)),$(ARCH_QEMU_TARGET)-linux-user)
# Where the build machine's Debian packages put the firmware qemu loads.
HOST_QEMU_FIRMWARE_DIRS = /usr/share/seabios /usr/lib/ipxe/qemu
# The files the architecture's machine with a virtio NIC loads at start:
# ARCH_QEMU_FIRMWARE_FILES (arch/arch.mk).

HOST_QEMU_CONF_OPTS = \
	--prefix=$(HOST_DIR) \
	--target-list="$(HOST_QEMU_TARGETS)" \
	--firmwarepath="$(subst $(space),:,$(HOST_QEMU_FIRMWARE_DIRS))" \
	--without-default-features \
	--enable-tcg --enable-kvm --enable-slirp --enable-fdt=system \
	--disable-install-blobs --disable-containers --disable-docs \
	--disable-tools --disable-guest-agent --disable-werror \
	--disable-strip --meson=/usr/bin/meson

# The target list comes from SMARTOS_ARCH: say so when qemu has no emulator
# of that name, rather than letting qemu's configure say "Unknown target".
# Debian's python3 and meson, not whatever comes first in PATH.
define HOST_QEMU_CONFIGURE_CMDS
	for t in $(HOST_QEMU_TARGETS); do \
		[ -f $(@D)/configs/targets/$$t.mak ] || { \
			echo "host-qemu: qemu $(QEMU_VERSION) has no emulator $$t (SMARTOS_ARCH=$(ARCH))" >&2; exit 1; }; \
	done
	for f in $(ARCH_QEMU_FIRMWARE_FILES); do \
		[ -f $$f ] || { echo "host-qemu: $$f is missing: install the Debian packages seabios and ipxe-qemu (support/scripts/install-host-deps.sh)" >&2; exit 1; }; \
	done
	mkdir -p $(@D)/smartos-build
	cd $(@D)/smartos-build && $(HOST_MAKE_ENV) CC="$(HOST_CC)" CXX="$(HOST_CXX)" \
		PYTHON=/usr/bin/python3 ../configure $(HOST_QEMU_CONF_OPTS)
endef

define HOST_QEMU_BUILD_CMDS
	$(HOST_MAKE_ENV) $(MAKE) -C $(@D)/smartos-build
endef

# qemu's release tarball would install the x86 option ROMs prebuilt; here
# they are the ones just compiled (pc-bios/optionrom of the build).
define HOST_QEMU_INSTALL_CMDS
	$(HOST_MAKE_ENV) $(MAKE) -C $(@D)/smartos-build install
	for f in $(@D)/smartos-build/pc-bios/optionrom/*.bin; do \
		[ -e "$$f" ] || continue; \
		install -D -m 0644 "$$f" $(HOST_DIR)/share/qemu/$$(basename "$$f"); \
	done
endef

$(eval $(host-generic-package))
